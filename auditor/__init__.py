"""auditor: arithmetic checks for SEC Schedule II exhibits.

    >>> import auditor
    >>> result = auditor.check_file("exhibit.txt")
    >>> [f.message for f in result.findings]

The pipeline runs one way, one stage per module: `source` (read and decode),
`locate` (find the schedules), `parse` (the lark grammar), `layout` (build
the AST in `model`), `roles` (column roles and sign conventions), `engine`
(evaluate the rules of `rules`, with the evaluators in `checks`), `report`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import engine, layout, locate, parse, roles, rules, source
from .errors import InputError
from .model import Finding, Schedule

__all__ = ["check_file", "check_source", "schedules", "FileResult", "InputError", "load_rules"]

load_rules = rules.load


@dataclass
class FileResult:
    path: str
    schedules: list = field(default_factory=list)  # of Schedule
    findings: list = field(default_factory=list)  # of Finding
    error: InputError = None


def schedules(src: source.Source, ruleset) -> list:
    """Every Schedule II in the source, laid out and with roles assigned."""
    found = []
    for region in locate.regions(src):
        lines = parse.lines(src, region)
        schedule = layout.build(lines, region.title_line, src.path)
        found.append(roles.assign(schedule, ruleset, src.path))
    if not found:
        raise InputError("no Schedule II found (no 'Valuation and Qualifying Accounts' table)", src.path)
    return found


def check_source(src: source.Source, ruleset=None, only=None) -> FileResult:
    ruleset = ruleset or rules.load()
    result = FileResult(src.path)
    try:
        result.schedules = schedules(src, ruleset)
    except InputError as exc:
        result.error = exc.located(src.path)
        return result
    for schedule in result.schedules:
        result.findings.extend(engine.evaluate(schedule, ruleset, only))
    result.findings.sort(key=Finding.sort_key)
    return result


def check_file(path: str, ruleset=None, only=None) -> FileResult:
    try:
        src = source.read(path)
    except InputError as exc:
        return FileResult(path, error=exc.located(path))
    return check_source(src, ruleset, only)
