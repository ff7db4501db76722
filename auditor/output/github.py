"""--format github: `::error file=...,line=...,col=...::message` workflow
commands, which a GitHub Actions log shows as annotations on the lines.

An annotation is for people, and the runner cuts a long one (at 4,096
characters since runner 2.305.0): a failure many figures explain equally is
told as the text report tells it (`diagnose.for_people`), first three and how
many more; `--format json` or `sarif` lists all."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Optional

from auditor.cells import by_place
from auditor.diagnose import for_people
from auditor.output import ReportOptions

if TYPE_CHECKING:
    from auditor.corpus.totals import Totals
    from auditor.diagnose import Diagnosis
    from auditor.model import Finding
    from auditor.output.destination import Output
    from auditor.result import FileResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


class GithubWriter:
    def __init__(self, out: Output, options: ReportOptions) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        self.out.write(github([result]))

    def end(self, totals: Totals) -> None:
        if totals.suppressed:
            self.out.write(github([], totals.suppressed))


def github(results: Iterable[FileResult], suppressed: Optional[int] = None) -> str:
    """The annotations of the results' errors and findings (with their diagnosis)."""
    out = []
    for r in results:
        if r.error is not None:
            where = f"file={_property(_workspace_path(r.path))}" + (f",line={r.error.line}" if r.error.line else "")
            where += f",col={r.error.column}" if r.error.line and r.error.column else ""
            out.append(f"::error {where},title=auditor::{_data(r.error.message)}")
        cells = by_place(r.schedules)
        for f in r.findings:
            props = f"file={_property(_workspace_path(r.path))},line={f.location.line},col={f.location.column}"
            at = cells.get((f.location.line, f.location.column))
            if at is not None:
                props += f",endColumn={at.cell.end_column}"
            props += f",title={_property(f.rule)}"
            out.append(f"::{LEVELS[f.severity]} {props}::{_data(_with_diagnosis(f, r.diagnosis))}")
    if suppressed:
        out.append(f"::notice title=auditor::{suppressed} known finding(s) suppressed by the baseline")
    return "".join(line + "\n" for line in out)


def _workspace_path(path: str) -> str:
    """Relative to the working directory (the checkout, in a workflow) where it can be."""
    relative = os.path.relpath(os.path.abspath(path))
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def _with_diagnosis(f: Finding, diagnosis: Optional[Diagnosis]) -> str:
    if diagnosis is None:
        return f.message
    if f in diagnosis.suggestions:
        return f"{f.message}\nSuggestion: {diagnosis.suggestions[f].sentence()}"
    if f in diagnosis.candidates:
        return f"{f.message}\n{for_people(diagnosis.candidates[f])}"  # capped: the runner cuts a long annotation
    return f.message


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
