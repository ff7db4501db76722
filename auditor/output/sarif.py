"""Findings as SARIF 2.1.0, for code-scanning dashboards and review tools.

One run: the tool with the rules of the rules file, one result per finding
located at the cell (start and end column), the diagnosed correction as a
`fix`, and the baseline fingerprint as a partial fingerprint so dashboards
track a finding across unrelated edits.  Files that could not be read are
tool execution notifications.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


from auditor.baseline import fingerprint
from auditor.ruleset.engine import amount_text
from auditor.output.report import json_text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT = "%SRCROOT%"
TOOL = "auditor"


def document(results, ruleset, diagnoses=None) -> dict:
    diagnoses = diagnoses or [None] * len(results)
    index = rule_index(ruleset)
    notes = [note for r in results for note in notifications(r)]
    found = [out for r, d in zip(results, diagnoses) for out in file_results(r, d, index)]
    return skeleton(ruleset, notes, found)


def skeleton(ruleset, notes: list, found: list) -> dict:
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


def rule_index(ruleset) -> dict:
    return {rule.id: k for k, rule in enumerate(ruleset.rules)}


def file_results(file_result, diagnosis, index) -> list:
    """The SARIF results of one file's findings."""
    return [_result(file_result, f, diagnosis, index) for f in file_result.findings]


def dumps(results, ruleset, diagnoses=None) -> str:
    return json_text(document(results, ruleset, diagnoses))


def _driver(rules) -> dict:
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


def _rule(rule) -> dict:
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


def notifications(r) -> list:
    """A file that could not be read, as a tool execution notification."""
    if r.error is None:
        return []
    return [{
        "level": "error",
        "message": {"text": r.error.message},
        "locations": [_location(r.path, r.error.line or 1, r.error.line and r.error.column, None)],
    }]


def _result(file_result, f, diagnosis, index) -> dict:
    cells = _cells(file_result)
    cell = cells.get((f.location.line, f.location.column))
    out = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule] if f.rule in index else -1,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [_location(file_result.path, f.location.line, f.location.column, cell)],
        "relatedLocations": [
            {"id": k, **_location(file_result.path, p.line, p.column, cells.get((p.line, p.column)))}
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
        from auditor.output.report import ambiguity

        out["message"]["text"] += " " + ambiguity(diagnosis.candidates[f])
    return out


def _cells(file_result) -> dict:
    return {(c.line, c.column): c for s in file_result.schedules for p in s.periods
            for row in p.rows for c in row.cells if c is not None}


def _location(path, line, column, cell) -> dict:
    region = {"startLine": line}
    if column is not None:
        region["startColumn"] = column
    if cell is not None:
        region["endColumn"] = cell.end_column
    return {"physicalLocation": {"artifactLocation": artifact(path), "region": region}}


def artifact(path: str) -> dict:
    """The file relative to the working directory (to %SRCROOT%); an absolute
    file URI when it lies outside it."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path.cwd())
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": ROOT}


def _fix(path, s) -> dict:
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
