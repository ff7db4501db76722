"""The text report, for people: each finding on a line of its own,
path:line:column first (or, with --summary, counts per rule), the summary
line, then what the diagnosis makes of the findings.  On a terminal, in
colour, with the diagnosis under each finding."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any, Optional, TextIO

from auditor.diagnose import for_people
from auditor.errors import shown
from auditor.output import ReportOptions
from auditor.output.document import document
from auditor.ruleset.engine import amount_text, signed_text

if TYPE_CHECKING:
    from rich.console import Console

    from auditor.corpus.totals import Totals
    from auditor.output.destination import Output
    from auditor.result import FileResult

RuleCount = tuple[str, str, str, int]  # rule, check, severity, findings


class TextWriter:
    def __init__(self, out: Output, options: ReportOptions) -> None:
        self.text = TextReport(out.stream, options.color, options.table, options.statistics)
        self.reads_schedules = options.table  # (only to draw them; the findings and diagnosis name their cells)
        self.statistics = options.statistics
        # The diagnosis lines come after the summary: they wait on disk.
        self.after = tempfile.TemporaryFile("w+", encoding="utf-8")

    def file(self, result: FileResult) -> None:
        for line in self.text.file(result):
            self.after.write(line + "\n")

    def end(self, totals: Totals) -> None:
        statistics = []
        if self.statistics:
            statistics = counts_lines(totals.rule_counts()) + statistics_extra(totals)
        try:
            self.after.seek(0)
            self.text.end(summary_line(totals.summary()), statistics, self.after)
        finally:
            self.after.close()


def statistics_extra(totals: Totals) -> list[str]:
    """--summary over many files: how many files came to what, and the files
    with the largest differences (in dollars, by the units each schedule states)."""
    out = ["files: " + ", ".join(f"{totals.statuses[s]} {s}" for s in ("clean", "findings", "no-schedule", "unreadable"))]
    largest = totals.largest()
    if largest:
        out.append(f"largest differences ({len(largest)} of {totals.statuses['findings']} files with findings):")
        out += [f"  {line}" for _, line in largest]
    return out


def lines(results: Iterable[FileResult]) -> list[tuple[str, str]]:
    """(severity, text) per line of the plain report."""
    out = []
    for r in results:
        if r.error is not None:
            out.append(("error", shown(str(r.error), keep="")))
        for f in r.findings:
            # (a file's name from a directory listed, a filing's label: no escape sequence reaches the terminal)
            out.append((f.severity, shown(f"{r.path}:{f.location.line}:{f.location.column}: {f.severity} {f.rule} "
                                          f"{f.message}", keep="")))
    return out


def diagnosis_lines(results: Iterable[FileResult]) -> list[str]:
    """One line per diagnosed cell (not per finding: two checks, one figure),
    in the same path:line:column form, after the findings."""
    out = []
    for r in results:
        d = r.diagnosis
        if d is None:
            continue
        seen: set[object] = set()
        for f in r.findings:
            if f in d.suggestions and d.suggestions[f].cell not in seen:
                s = d.suggestions[f]
                seen.update(t.cell for t in (s, *s.also))  # a pair is told once, at its first cell
                out.append(shown(f"{r.path}:{s.cell.line}:{s.cell.column}: diagnosis {s.sentence()}", keep=""))
            elif f in d.candidates and (f.location, "?") not in seen:
                seen.add((f.location, "?"))
                out.append(shown(f"{r.path}:{f.location.line}:{f.location.column}: diagnosis "
                                 f"{for_people(d.candidates[f])}", keep=""))
    return out


def summary(results: Sequence[FileResult], suppressed: Optional[int] = None) -> str:
    return summary_line(document(results, suppressed=suppressed)["summary"])


def summary_line(doc: dict[str, Any]) -> str:
    """The last line of the text report, from the JSON document's summary."""
    files = doc["files"]
    text = (
        f"{doc['findings']} finding{'s' * (doc['findings'] != 1)} "
        f"({doc['errors']} error{'s' * (doc['errors'] != 1)}, "
        f"{doc['warnings']} warning{'s' * (doc['warnings'] != 1)}, {doc['infos']} info) "
        f"in {files} file{'s' * (files != 1)}"
    )
    if doc["unreadable"]:
        text += f"; {doc['unreadable']} could not be checked"
    suppressed = doc.get("suppressed")
    if suppressed:
        text += f"; {suppressed} known finding{'s' * (suppressed != 1)} suppressed by the baseline"
    return text


def rule_counts(results: Iterable[FileResult]) -> list[RuleCount]:
    """(rule, check, severity, count) across files, most frequent first."""
    counts: dict[tuple[str, str, str], int] = {}
    for r in results:
        for f in r.findings:
            key = (f.rule, f.check, f.severity)
            counts[key] = counts.get(key, 0) + 1
    return sorted(((*k, n) for k, n in counts.items()), key=lambda t: (-t[3], t[0], t[2]))


def statistics_lines(results: Iterable[FileResult]) -> list[str]:
    """Per-rule counts, like a linter's statistics."""
    return counts_lines(rule_counts(results))


def counts_lines(counts: Iterable[RuleCount]) -> list[str]:
    return [f"{n:>6}  {rule:<8} {severity:<8} {check}" for rule, check, severity, n in counts]


def write_text(results: Sequence[FileResult], stream: TextIO, color: bool, suppressed: Optional[int] = None,
               table: bool = False, statistics: bool = False) -> None:
    """The report for people: findings (or, with `statistics`, counts per
    rule), the summary, then what the diagnosis makes of them."""
    text = TextReport(stream, color, table, statistics)
    after = []
    for r in results:
        after += text.file(r)
    text.end(summary(results, suppressed), statistics_lines(results) if statistics else [], after)


class TextReport:
    """The text report a file at a time: `file` prints a file's findings as
    it is checked and returns its diagnosis lines, which `end` prints after
    the summary (plain text) or which were printed under each finding (colour)."""

    STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}

    def __init__(self, stream: IO[str], color: bool, table: bool = False, statistics: bool = False) -> None:
        self.stream, self.color, self.table, self.statistics = stream, color, table, statistics
        self.console: Optional[Console] = None
        if color:
            from rich.console import Console

            self.console = Console(file=stream, highlight=False)

    def file(self, r: FileResult) -> list[str]:
        if self.table:
            from auditor.output import tableview

            if self.console is not None:
                tableview.render([r], self.console)
            else:
                tableview.write([r], self.stream, color=False)
        if self.console is None:
            if self.statistics:
                return []
            for _, line in lines([r]):
                self.stream.write(line + "\n")
            return diagnosis_lines([r])
        self._coloured(r, self.console)
        return []

    def _coloured(self, r: FileResult, console: Console) -> None:
        from rich.text import Text

        # (a file's name, a filing's label: shown, never read as markup nor reaching the terminal raw)
        if r.error is not None:
            console.print(Text(shown(str(r.error), keep=""), style="bold red"))
        if self.statistics:
            return
        d = r.diagnosis
        for f in r.findings:
            line = Text()
            line.append(shown(f"{r.path}:{f.location.line}:{f.location.column}: ", keep=""), style="bold")
            line.append(f.severity, style=self.STYLES.get(f.severity, ""))
            line.append(f" {f.rule} ", style="dim")
            line.append(shown(f.message, keep=""))
            console.print(line)
            if f.expected is not None:
                console.print(
                    f"    printed {amount_text(f.actual)}, expected {amount_text(f.expected)}, "
                    f"difference {signed_text(f.difference)}",
                    style="dim",
                )
            if d is not None and f in d.suggestions:
                console.print(Text(shown(f"    suggestion: {d.suggestions[f].sentence()}", keep=""), style="green"))
            elif d is not None and f in d.candidates:
                console.print(Text(shown(f"    {for_people(d.candidates[f])}", keep=""), style="magenta"))

    def end(self, summary_text: str, statistics: Iterable[str] = (), after: Iterable[str] = ()) -> None:
        """`statistics`: lines before the summary (--summary); `after`: the
        diagnosis lines `file` returned (an iterable: they may come from disk)."""
        if self.console is None:
            for line in statistics:
                self.stream.write(line + "\n")
            self.stream.write(summary_text + "\n")
            for line in after:
                self.stream.write(line if line.endswith("\n") else line + "\n")
            return
        for line in statistics:
            self.console.print(line)
        self.console.print(summary_text, style="bold")
