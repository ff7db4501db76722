"""One writer per output format, fed a file at a time in the paths' order.

text, github and jsonl print each file as it comes; json and sarif are one
document, written at the end around the files' parts, which wait on disk
(`output.Spool`) rather than in memory.  Each writes what the whole-list
writers of `report` and `sarif` write for the same files, byte for byte
(the text report's diagnosis lines still follow its summary).
"""

from __future__ import annotations

import tempfile

from auditor.output import report
from auditor.output.destination import Spool
from auditor.corpus.totals import status


def writer(fmt: str, out, ruleset, *, color=False, table=False, statistics=False):
    if fmt == "json":
        return JsonWriter(out)
    if fmt == "sarif":
        return SarifWriter(out, ruleset)
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "github":
        return GithubWriter(out)
    if fmt == "html":
        return HtmlWriter(out)
    return TextWriter(out, color, table, statistics)


class JsonWriter:
    def __init__(self, out):
        self.out = out
        self.spool = Spool(report.document([]), ["files"])

    def file(self, r, d) -> None:
        self.spool.add("files", report.file_entry(r, d))

    def end(self, totals) -> None:
        try:
            self.spool.write(report.document([]) | {"summary": totals.summary()}, self.out)
        finally:
            self.spool.close()


class HtmlWriter:
    """The HTML report, drawn at the end from the JSON document's files (as
    `auditor report` draws it from a saved one: the same page).  A clean
    file's entry is small; one with findings carries its table."""

    def __init__(self, out):
        self.out, self.files = out, []

    def file(self, r, d) -> None:
        self.files.append(report.file_entry(r, d))

    def end(self, totals) -> None:
        from auditor.output import html as html_report

        self.out.write(html_report.render(report.document([]) | {"files": self.files, "summary": totals.summary()}))


class SarifWriter:
    SECTIONS = ["toolExecutionNotifications", "results"]

    def __init__(self, out, ruleset):
        from auditor.output import sarif

        self.out, self.ruleset, self.sarif = out, ruleset, sarif
        self.index = sarif.rule_index(ruleset)
        self.spool = Spool(sarif.skeleton(ruleset, [], []), self.SECTIONS)
        self.notes = 0

    def file(self, r, d) -> None:
        for note in self.sarif.notifications(r):
            self.spool.add("toolExecutionNotifications", note)
            self.notes += 1
        for result in self.sarif.file_results(r, d, self.index):
            self.spool.add("results", result)

    def end(self, totals) -> None:
        doc = self.sarif.skeleton(self.ruleset, [None] if self.notes else [], [])  # sections come from the spool
        try:
            self.spool.write(doc, self.out)
        finally:
            self.spool.close()


class JsonlWriter:
    """A line per finding (`"type": "finding"`), then a line for the file
    (`"type": "file"`): its path, status and counts, so a consumer can follow
    a run and tell a file with no finding from one not yet checked."""

    def __init__(self, out):
        self.out = out

    def file(self, r, d) -> None:
        for f in r.findings:
            self.out.write(report.json_text({"type": "finding", "path": r.path, **report.finding(f, d)}, indent=None)
                           + "\n")
        self.out.write(report.json_text(file_record(r), indent=None) + "\n")

    def end(self, totals) -> None:
        pass


def file_record(r) -> dict:
    severities = [f.severity for f in r.findings]
    return {
        "type": "file",
        "path": r.path,
        "status": status(r),
        "error": report.error(r),
        "schedules": len(r.schedules),
        "findings": len(severities),
        "errors": severities.count("error"),
        "warnings": severities.count("warning"),
        "infos": severities.count("info"),
    }


class GithubWriter:
    def __init__(self, out):
        self.out = out

    def file(self, r, d) -> None:
        self.out.write(report.github([r], [d]))

    def end(self, totals) -> None:
        if totals.suppressed:
            self.out.write(report.github([], None, totals.suppressed))


class TextWriter:
    def __init__(self, out, color, table, statistics):
        self.text = report.TextReport(out.stream, color, table, statistics)
        self.statistics = statistics
        # The diagnosis lines come after the summary: they wait on disk.
        self.after = tempfile.TemporaryFile("w+", encoding="utf-8")

    def file(self, r, d) -> None:
        for line in self.text.file(r, d):
            self.after.write(line + "\n")

    def end(self, totals) -> None:
        statistics = []
        if self.statistics:
            statistics = report.counts_lines(totals.rule_counts()) + statistics_extra(totals)
        try:
            self.after.seek(0)
            self.text.end(report.summary_line(totals.summary()), statistics, self.after)
        finally:
            self.after.close()


def statistics_extra(totals) -> list:
    """--summary over many files: how many files came to what, and the files
    with the largest differences (in dollars, by the units each schedule states)."""
    out = ["files: " + ", ".join(f"{totals.statuses[s]} {s}" for s in ("clean", "findings", "no-schedule", "unreadable"))]
    largest = totals.largest()
    if largest:
        out.append(f"largest differences ({len(largest)} of {totals.statuses['findings']} files with findings):")
        out += [f"  {line}" for _, line in largest]
    return out
