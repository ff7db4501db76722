"""Findings as SARIF 2.1.0, for code-scanning dashboards and review tools.

One run: the tool with the rules of the rules file, one result per finding
located at the cell (start and end column), the diagnosed correction as a
`fix`, and the baseline fingerprint as a partial fingerprint so dashboards
track a finding across unrelated edits.  Files that could not be read are
tool execution notifications.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Optional
from urllib.parse import quote

from auditor.baseline import fingerprint
from auditor.cells import LocatedCell, Place, by_place
from auditor.diagnose import ambiguity
from auditor.output import ReportOptions
from auditor.output.destination import Spool
from auditor.output.document import Json, json_text
from auditor.ruleset.engine import amount_text

if TYPE_CHECKING:
    from auditor.corpus.totals import Totals
    from auditor.diagnose import Suggestion
    from auditor.model import Cell, Finding
    from auditor.output.destination import Output
    from auditor.result import FileResult
    from auditor.ruleset.rules import Rule, RuleSet

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT = "%SRCROOT%"
TOOL = "auditor"


class SarifWriter:
    """The document is written at the end around its notifications and
    results, which wait on disk (`Spool`) as files come."""

    SECTIONS = ["toolExecutionNotifications", "results"]

    def __init__(self, out: Output, options: ReportOptions) -> None:
        if options.ruleset is None:
            raise ValueError("--format sarif lists the rules run: its writer needs them")
        self.out, self.ruleset = out, options.ruleset
        self.index = rule_index(self.ruleset)
        self.spool = Spool(skeleton(self.ruleset, [], []), self.SECTIONS)
        self.notes = 0

    def file(self, result: FileResult) -> None:
        for note in notifications(result):
            self.spool.add("toolExecutionNotifications", note)
            self.notes += 1
        for found in file_results(result, self.index):
            self.spool.add("results", found)

    def end(self, totals: Totals) -> None:
        doc = skeleton(self.ruleset, [None] if self.notes else [], [])  # sections come from the spool
        try:
            self.spool.write(doc, self.out)
        finally:
            self.spool.close()


def document(results: Iterable[FileResult], ruleset: RuleSet) -> Json:
    index = rule_index(ruleset)
    results = list(results)
    notes = [note for r in results for note in notifications(r)]
    found = [out for r in results for out in file_results(r, index)]
    return skeleton(ruleset, notes, found)


def skeleton(ruleset: RuleSet, notes: Sequence[Optional[Json]], found: Sequence[Json]) -> Json:
    """The document around its notifications (files that could not be read)
    and its results (findings)."""
    run = {
        "tool": {"driver": _driver(list(ruleset.rules))},
        "originalUriBaseIds": {ROOT: {"uri": Path.cwd().as_uri() + "/"}},
        "invocations": [{"executionSuccessful": not notes, "toolExecutionNotifications": notes}],
        "results": found,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def rule_index(ruleset: RuleSet) -> dict[str, int]:
    return {rule.id: k for k, rule in enumerate(ruleset.rules)}


def file_results(file_result: FileResult, index: dict[str, int]) -> list[Json]:
    """The SARIF results of one file's findings."""
    cells = by_place(file_result.schedules)
    return [_result(file_result, f, cells, index) for f in file_result.findings]


def dumps(results: Iterable[FileResult], ruleset: RuleSet) -> str:
    return json_text(document(results, ruleset))


def _driver(rules: Sequence[Rule]) -> Json:
    from importlib.metadata import PackageNotFoundError, version

    try:
        tool_version = version(TOOL)
    except PackageNotFoundError:  # run from a source tree
        tool_version = "0"
    return {
        "name": TOOL,
        "version": tool_version,
        "informationUri": "https://www.sec.gov/about/forms/regulation-s-x",
        "rules": [_rule(rule) for rule in rules],
    }


def _rule(rule: Rule) -> Json:
    description = " ".join(rule.description.split()) or rule.id
    out = {
        "id": rule.id,
        "shortDescription": {"text": _first_sentence(description)},
        "fullDescription": {"text": description},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "help": {"text": f"{description}\n\nCheck: {rule.check}. Message: {rule.message}"},
        "properties": {"check": rule.check},
    }
    if rule.name:
        out["name"] = rule.name
    return out


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(": ")
    return head if dot and len(head) < 120 else text.split(".  ")[0].rstrip(".")


def notifications(r: FileResult) -> list[Json]:
    """A file that could not be read, as a tool execution notification."""
    if r.error is None:
        return []
    return [{
        "level": "error",
        "message": {"text": r.error.message},
        "locations": [_location(r.path, r.error.line or 1, r.error.line and r.error.column, None)],
    }]


def _result(file_result: FileResult, f: Finding, cells: dict[Place, LocatedCell], index: dict[str, int]) -> Json:
    cell = _cell(cells, f.location.line, f.location.column)
    diagnosis = file_result.diagnosis
    out: Json = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule] if f.rule in index else -1,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [_location(file_result.path, f.location.line, f.location.column, cell)],
        "relatedLocations": [
            {"id": k, **_location(file_result.path, p.line, p.column, _cell(cells, p.line, p.column))}
            for k, p in enumerate(f.related)
        ],
        "partialFingerprints": {"auditorFinding/v1": fingerprint(f, cell)},
    }
    if out["ruleIndex"] < 0:
        del out["ruleIndex"]
    suggestion = diagnosis.suggestions.get(f) if diagnosis is not None else None
    if suggestion is not None:
        out["message"]["text"] += f" Suggestion: {suggestion.sentence()}."
        out["fixes"] = [_fix(file_result.path, suggestion)]
    elif diagnosis is not None and f in diagnosis.candidates:
        out["message"]["text"] += " " + ambiguity(diagnosis.candidates[f])
    return out


def _cell(cells: dict[Place, LocatedCell], line: int, column: int) -> Optional[Cell]:
    at = cells.get((line, column))
    return at.cell if at is not None else None


def _location(path: str, line: int, column: Optional[int], cell: Optional[Cell]) -> Json:
    region = {"startLine": line}
    if column is not None:
        region["startColumn"] = column
    if cell is not None:
        region["endColumn"] = cell.end_column
    return {"physicalLocation": {"artifactLocation": artifact(path), "region": region}}


def artifact(path: str) -> Json:
    """The file relative to the working directory (to %SRCROOT%); an absolute
    file URI when it lies outside it."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path.cwd())
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": ROOT}


def _fix(path: str, s: Suggestion) -> Json:
    """Replace the printed figure with the diagnosed one, right-aligned in the
    printed width so the columns stay where they are."""
    cell = s.cell
    width = cell.end_column - cell.column
    text = amount_text(s.value)
    return {
        "description": {"text": f"Print {text} instead of {cell.raw}: {s.sentence()}"},
        "artifactChanges": [
            {
                "artifactLocation": artifact(path),
                "replacements": [
                    {
                        "deletedRegion": {"startLine": cell.line, "startColumn": cell.column,
                                          "endColumn": cell.end_column},
                        "insertedContent": {"text": text.rjust(width)},
                    }
                ],
            }
        ],
    }
