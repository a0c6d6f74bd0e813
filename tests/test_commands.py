"""The sub-commands are registered from option tables (pipeline/commands.py): what a user types still
parses to the same values, and each command's help comes from its function's docstring."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.commands import EXTRACTED, add_command, add_group, option, path, switch

PARSED = [
    # (command line, attributes it must parse to)
    (["extract"], {"raw": Path("raw"), "out": Path("extracted"), "rules": None, "model": None, "fx_rates": None,
                   "executor": "local", "timeml": None, "no_progress": False, "batch_size": None}),
    (["extract", "--raw", "news", "--workers", "2", "--time-budget", "1.5", "--yen-default", "JPY", "--timeml"],
     {"raw": Path("news"), "workers": 2, "time_budget": 1.5, "yen_default": "JPY", "timeml": True}),
    (["consolidate", "--extracted", "out"], {"extracted": Path("out"), "rules": None}),
    (["validate", "--quiet"], {"gold": Path("tests/gold"), "extracted": Path("extracted"), "metrics": None,
                               "params": Path("params.yaml"), "raw": Path("raw"), "quiet": True}),
    (["gold", "import", "export.json", "--format", "doccano"],
     {"export": Path("export.json"), "format": "doccano", "out": Path("tests/gold"), "force": False}),
    (["gold", "export", "--out", "tasks.json"], {"out": Path("tasks.json"), "config": None, "raw": Path("raw")}),
    (["report"], {"extracted": Path("extracted"), "gold": Path("tests/gold"), "out": None}),
]


@pytest.mark.parametrize("argv,expected", PARSED, ids=[" ".join(a) for a, _ in PARSED])
def test_command_lines_parse_to_their_values(argv: list[str], expected: dict) -> None:
    args = cli.build_parser().parse_args(argv)
    assert {key: getattr(args, key) for key in expected} == expected
    assert callable(args.func) and args.func.__name__ == f"cmd_{argv[1] if argv[0] == 'gold' else argv[0]}"


@pytest.mark.parametrize("argv", [["extract", "--executor", "spark"], ["gold", "export"], ["gold"], ["extract", "--workers", "two"]])
def test_bad_command_lines_are_refused(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.build_parser().parse_args(argv)
    assert exc.value.code == 2


def _parser_with(command, options) -> argparse.ArgumentParser:  # noqa: ANN001
    parser = argparse.ArgumentParser(prog="t")
    add_command(parser.add_subparsers(dest="command"), command, options)
    return parser


def test_help_and_description_come_from_the_docstring() -> None:
    def cmd_tally(args: argparse.Namespace) -> int:
        """count the rows of a table

        Read EXTRACTED and print how many rows
        each table has.
        """
        return 0

    parser = _parser_with(cmd_tally, (EXTRACTED, switch("--all", "every table")))
    sub = parser._subparsers._group_actions[0]  # type: ignore[union-attr]
    assert [a.help for a in sub._choices_actions] == ["count the rows of a table"]
    assert sub.choices["tally"].description == "Read EXTRACTED and print how many rows each table has."
    args = parser.parse_args(["tally", "--all"])
    assert (args.extracted, args.all, args.func) == (Path("extracted"), True, cmd_tally)


def test_a_one_paragraph_docstring_has_no_description_and_groups_nest() -> None:
    def cmd_check(args: argparse.Namespace) -> int:
        """check one file"""
        return 0

    parser = argparse.ArgumentParser(prog="t")
    group = add_group(parser.add_subparsers(dest="command"), "files", "work on files")
    add_command(group, cmd_check, (option("name", "the file", type=Path), path("--into", None, "where")))
    args = parser.parse_args(["files", "check", "a.txt"])
    assert (args.files_command, args.name, args.into) == ("check", Path("a.txt"), None)
    assert group.choices["check"].description is None


def test_every_registered_command_has_a_docstring_help() -> None:
    """A command function without a docstring would list with an empty help in ``newsfacts --help``."""
    parser = cli.build_parser()
    commands = parser._subparsers._group_actions[0]  # type: ignore[union-attr]
    helps = {c.dest: c.help for c in commands._choices_actions}
    assert set(helps) == {"extract", "consolidate", "validate", "gold", "report"}
    assert all(helps.values()), helps
    for name in ("extract", "consolidate", "validate", "report"):
        assert commands.choices[name].description, name
