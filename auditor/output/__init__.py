"""The report writers: one module per format, behind one interface.

A writer is made with where the report goes and the run's report options,
is given each file's result as it comes (in the paths' order), and is told
when the run ends, with its totals:

    write = writer("json", out, ReportOptions(ruleset))
    for result in results:
        write.file(result)
    write.end(totals)

`WRITERS` names each format's class as "module:Class", imported only when
that format is used (as pip's `commands_dict`).  Adding a format is one
module and one line here (or a call to `register`); the command line's
--format takes its choices from `formats()`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple, Optional, Protocol, runtime_checkable

if TYPE_CHECKING:
    from auditor.corpus.totals import Totals
    from auditor.output.destination import Output
    from auditor.result import FileResult
    from auditor.ruleset.rules import RuleSet

WRITERS: dict[str, str] = {
    "text": "auditor.output.text:TextWriter",
    "json": "auditor.output.json:JsonWriter",
    "jsonl": "auditor.output.jsonl:JsonlWriter",
    "sarif": "auditor.output.sarif:SarifWriter",
    "github": "auditor.output.github:GithubWriter",
    "html": "auditor.output.html:HtmlWriter",
}


class ReportOptions(NamedTuple):
    """What a run tells its writer besides the results."""

    ruleset: Optional[RuleSet] = None  # the rules run (sarif lists them)
    color: bool = False  # text on a terminal: in colour
    table: bool = False  # text: each schedule with findings drawn as a table
    statistics: bool = False  # text: counts per rule and per status instead of each finding


@runtime_checkable
class Writer(Protocol):
    def __init__(self, out: Output, options: ReportOptions) -> None: ...

    def file(self, result: FileResult) -> None:
        """One file's result, in its turn."""

    def end(self, totals: Totals) -> None:
        """The run is over: write what waits for it (a document's end, the summary)."""


# A writer may say it reads no more of a result's schedules than their number
# (`result.schedule_count`) with an attribute `reads_schedules = False`: a
# corpus run's workers then do not send them (a writer that does not say is
# taken to read them; one that says False and reads them stops the run).


def formats() -> tuple[str, ...]:
    return tuple(WRITERS)


def register(name: str, target: str) -> None:
    """Add (or replace) a format: `target` is "module:Class", a Writer."""
    module, _, attribute = target.partition(":")
    if not module or not attribute:
        raise ValueError(f"a writer is named 'module:Class', not {target!r}")
    WRITERS[name] = target


def writer_class(name: str) -> type[Writer]:
    """The class of a format's writer, its module imported now."""
    module, _, attribute = WRITERS[name].partition(":")
    found: type[Writer] = getattr(importlib.import_module(module), attribute)
    return found


def writer(name: str, out: Output, options: ReportOptions) -> Writer:
    return writer_class(name)(out, options)
