"""The README's commands name what exists: its modules, scripts, files,
subcommands and options.  ("Every command in it runs as written": a command
naming a module that was moved, `python -m auditor.snapshot`, stood in the
README for weeks; this catches the class, cheaply, without running them.)"""

from __future__ import annotations

import argparse
import importlib.util
import re
from pathlib import Path

import pytest

from auditor import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

# A command in an indented code block, or in `backquotes` in the prose.
COMMANDS = [line.strip() for line in README.splitlines() if line.startswith("    ")] + \
    re.findall(r"`([^`\n]+)`", README)
# Of those, the ones that run something (a path alone in the prose is an example, not a command).
RUNS = [c for c in COMMANDS if re.search(r"\b(?:auditor|python3?|pytest)\b", c)]

MODULE_RUN = re.compile(r"python3? -m ([\w.]+)")
SCRIPT_RUN = re.compile(r"python3? ((?:benchmarks|tests)/[\w/]+\.py)")
REPO_PATH = re.compile(r"(?<![\w./-])((?:tests|benchmarks|rules|grammar|auditor)/[\w./-]+\.(?:py|txt|htm|yaml|lark|json))")
AUDITOR = re.compile(r"(?:^|[\s/])auditor ((?:rules )?[a-z]+)\b(.*)")
OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse has no public walk of its subcommands
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _command_parsers() -> dict[str, argparse.ArgumentParser]:
    top = _subparsers(cli._parser())
    found = dict(top)
    for action, parser in _subparsers(top["rules"]).items():
        found[f"rules {action}"] = parser
    return found


def test_every_module_it_runs_exists() -> None:
    modules = {m for c in RUNS for m in MODULE_RUN.findall(c) if m.split(".")[0] == "auditor"}
    assert modules, "the README runs no module of the package: the pattern is stale"
    missing = sorted(m for m in modules if importlib.util.find_spec(m) is None)
    assert not missing, f"README runs modules that do not exist: {missing}"


def test_every_script_and_file_it_names_exists() -> None:
    named = {p for c in RUNS for p in SCRIPT_RUN.findall(c) + REPO_PATH.findall(c)}
    assert "benchmarks/bench.py" in named and "tests/fixtures/lantronix-2003.txt" in named
    missing = sorted(p for p in named if not (ROOT / p).exists() and "*" not in p)
    assert not missing, f"README names files that do not exist: {missing}"


def test_every_subcommand_and_option_it_shows_exists() -> None:
    parsers = _command_parsers()
    shown: list[tuple[str, str]] = []
    for command in RUNS:
        for match in AUDITOR.finditer(command):
            name, rest = match.group(1), match.group(2)
            if name not in parsers and name.split()[0] in parsers:
                name, rest = name.split()[0], name.split()[1] + rest  # "check edgar/..." read as "rules x"
            if name in parsers:
                shown += [(name, option) for option in OPTION.findall(rest.split("#")[0].split("<")[0])]
            elif name not in {"is", "reads", "the", "a"}:
                shown.append((name, ""))
    assert ("check", "--files-from") in shown, "the README's usage was not found: the patterns are stale"
    wrong = sorted({(name, option) for name, option in shown
                    if name not in parsers or (option and option not in parsers[name]._option_string_actions)})
    assert not wrong, f"README shows subcommands or options the CLI does not have: {wrong}"


@pytest.mark.parametrize("command", ["check", "parse", "report", "rules list", "rules explain", "rules validate"])
def test_every_subcommand_is_in_the_readme(command: str) -> None:
    assert re.search(rf"auditor {command}\b", README), f"`auditor {command}` is not documented in the README"
