"""Write findings: JSON for review tools, text for people.

The JSON document is a public interface (schema: schemas/findings.schema.json,
`version` changes only on a breaking change).  Amounts are written as JSON
numbers exactly equal to their Decimals.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

from auditor.ruleset.engine import amount_text, signed_text

VERSION = 1


# --- JSON ---------------------------------------------------------------------


def document(results, diagnoses=None, suppressed=None) -> dict:
    """The JSON document; `diagnoses` (one per result) adds suggestions,
    `suppressed` (findings a baseline accepted) adds that count."""
    diagnoses = diagnoses or [None] * len(results)
    files = [file_entry(r, d) for r, d in zip(results, diagnoses)]
    summary = counts(files)
    if suppressed is not None:
        summary["suppressed"] = suppressed
    return {"version": VERSION, "files": files, "summary": summary}


def counts(files) -> dict:
    """The document's `summary` of its `files` (a saved jsonl result is
    summed up the same way)."""
    findings = [x for f in files for x in f["findings"]]
    return {
        "files": len(files),
        "findings": len(findings),
        "errors": sum(x["severity"] == "error" for x in findings),
        "warnings": sum(x["severity"] == "warning" for x in findings),
        "infos": sum(x["severity"] == "info" for x in findings),
        "unreadable": sum(f["error"] is not None for f in files),
    }


def file_entry(result, diagnosis=None) -> dict:
    """One file of the JSON document."""
    return {
        "path": result.path,
        **{key: result.said[word] for key, word in (("company", "company"), ("period_of_report", "period"))
           if word in getattr(result, "said", {})},
        "error": error(result),
        "schedules": [_schedule(s, _about(s, result.findings)) for s in result.schedules],
        "findings": [finding(f, diagnosis) for f in result.findings],
    }


def error(result):
    """A file's input error as JSON, or None."""
    if result.error is None:
        return None
    return {"message": result.error.message, "line": result.error.line, "column": result.error.column}


def _about(schedule, findings) -> bool:
    """Whether a finding is about one of the schedule's cells."""
    at = {(f.location.line, f.location.column) for f in findings}
    return bool(at) and any((c.line, c.column) in at
                            for p in schedule.periods for r in p.rows for c in r.cells if c is not None)


def _schedule(s, with_table: bool = False) -> dict:
    """A schedule's summary; `with_table` adds the table as filed (every
    row and cell), written only for a schedule a finding is about, so that a
    corpus's result grows with its findings, not with its tables."""
    out = {
        "title": s.title,
        "units": s.units,
        "line": s.line,
        "periods": [
            {
                "label": p.label,
                "fiscal_year": p.fiscal_year,
                "end_date": p.end_date.isoformat() if p.end_date else None,
                "line": p.line,
                "rows": len(p.rows),
                **({"printed_rows": [row_dict(r) for r in p.rows]} if with_table else {}),
            }
            for p in s.periods
        ],
        "columns": [{"heading": c.heading, "role": c.role} for c in s.columns],
        "conventions": {
            "deductions": s.deductions,
            "basis": s.deductions_basis,
            "balances": "positive" if s.balance_sign > 0 else "negative",
        },
        "reading": reading_dict(s),
    }
    if s.source != "table":
        out["source"] = s.source  # present only for a schedule read from inline XBRL facts
    if s.notes:
        out["notes"] = list(s.notes)  # present only where the reading left facts out
    if with_table:
        out["label_heading"] = s.label_heading
    return out


def reading_dict(s):
    """The reading stage's decisions and their basis (None for a schedule built without it)."""
    r = s.reading
    if r is None:
        return None
    return {
        "columns": [{"column": c.column, "role": c.role, "effect": c.effect, "sign": c.sign, "basis": list(c.basis)}
                    for c in r.columns],
        "totals": [{"period": s.periods[t.period].label, "row": s.periods[t.period].rows[t.row].label,
                    "line": s.periods[t.period].rows[t.row].line, "sums": t.scope,
                    "rows": [s.periods[t.period].rows[i].line for i in t.parts], "basis": t.basis}
                   for t in r.totals],
        "rows_closing": r.rows_closing,
        "rows": r.rows,
        "ambiguous": [{"column": k + 1, "message": m} for k, m, _ in r.ambiguous],
    }


def row_dict(r) -> dict:
    """A row as printed: its label, kind, line, and one cell (or null, a
    blank) per column."""
    return {"label": r.label, "kind": r.kind, "line": r.line, "footnote": r.footnote,
            "cells": [_cell_dict(c) for c in r.cells]}


def _cell_dict(c):
    if c is None:
        return None
    return {"value": c.value, "raw": c.raw, "line": c.line, "column": c.column,
            "end_column": c.end_column, "footnote": c.footnote}


def _position(p) -> dict:
    return {"line": p.line, "column": p.column}


def finding(f, diagnosis=None) -> dict:
    out = {
        "rule": f.rule,
        "check": f.check,
        "severity": f.severity,
        "message": f.message,
        "period": f.period,
        "row": f.row,
        "column": f.column,
        "actual": f.actual,
        "expected": f.expected,
        "difference": f.difference,
        "location": _position(f.location),
        "related": [_position(p) for p in f.related],
        "suggestion": None,
    }
    if f.source != "table":
        out["source"] = f.source  # present only for a finding about inline XBRL facts
    if diagnosis is not None:
        if f in diagnosis.suggestions:
            out["suggestion"] = suggestion(diagnosis.suggestions[f])
        elif f in diagnosis.candidates:
            out["candidates"] = [suggestion(s) for s in diagnosis.candidates[f]]
    return out


def suggestion(s) -> dict:
    return {
        "location": {"line": s.cell.line, "column": s.cell.column},
        "row": s.row,
        "period": s.period,
        "column": s.column,
        "value": s.value,
        "confidence": s.confidence,
        "printed": s.cell.raw,
        "slip": s.slip,
        "message": s.sentence(),
        **({"together_with": [suggestion(o) for o in s.also]} if s.also else {}),
    }


# Decimals travel through json.dumps as marked strings and are unquoted
# afterwards: the stdlib encoder would otherwise go through float.
_MARK = "\ue000"
_MARKED = re.compile('"' + _MARK + '(-?[0-9.]+)' + _MARK + '"')


def _decimal_text(d: Decimal) -> str:
    text = format(d, "f")
    return "0" if text.strip("-0.") == "" else text


def _mark(o):
    if isinstance(o, Decimal):
        return f"{_MARK}{_decimal_text(o)}{_MARK}"
    if isinstance(o, dict):
        return {k: _mark(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [_mark(v) for v in o]
    return o


def dumps(results, indent=2, diagnoses=None, suppressed=None) -> str:
    return json_text(document(results, diagnoses, suppressed), indent)


def json_text(doc, indent=2) -> str:
    """JSON with every Decimal written as the exact number it is."""
    text = json.dumps(_mark(doc), indent=indent, ensure_ascii=False)
    return _MARKED.sub(r"\1", text)


def jsonl(results, diagnoses=None) -> str:
    """One finding per line, with its file's path, for streaming into other tools."""
    diagnoses = diagnoses or [None] * len(results)
    out = []
    for r, d in zip(results, diagnoses):
        for f in r.findings:
            out.append(json_text({"path": r.path, **finding(f, d)}, indent=None) + "\n")
    return "".join(out)


# --- GitHub workflow commands ---------------------------------------------------

GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def github(results, diagnoses=None, suppressed=None) -> str:
    """`::error file=...,line=...,col=...::message` annotations for a workflow log."""
    diagnoses = diagnoses or [None] * len(results)
    out = []
    for r, d in zip(results, diagnoses):
        if r.error is not None:
            where = f"file={_gh_property(_workspace_path(r.path))}" + (f",line={r.error.line}" if r.error.line else "")
            where += f",col={r.error.column}" if r.error.line and r.error.column else ""
            out.append(f"::error {where},title=auditor::{_gh_data(r.error.message)}")
        ends = _end_columns(r)
        for f in r.findings:
            props = f"file={_gh_property(_workspace_path(r.path))},line={f.location.line},col={f.location.column}"
            end = ends.get((f.location.line, f.location.column))
            if end is not None:
                props += f",endColumn={end}"
            props += f",title={_gh_property(f.rule)}"
            out.append(f"::{GITHUB_LEVELS[f.severity]} {props}::{_gh_data(_with_diagnosis(f, d))}")
    if suppressed:
        out.append(f"::notice title=auditor::{suppressed} known finding(s) suppressed by the baseline")
    return "".join(line + "\n" for line in out)


def _workspace_path(path: str) -> str:
    """Relative to the working directory (the checkout, in a workflow) where it can be."""
    import os

    relative = os.path.relpath(os.path.abspath(path))
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def _end_columns(result) -> dict:
    return {(c.line, c.column): c.end_column
            for s in result.schedules for p in s.periods for row in p.rows for c in row.cells if c is not None}


def _with_diagnosis(f, diagnosis) -> str:
    if diagnosis is None:
        return f.message
    if f in diagnosis.suggestions:
        return f"{f.message}\nSuggestion: {diagnosis.suggestions[f].sentence()}"
    if f in diagnosis.candidates:
        return f"{f.message}\n{ambiguity(diagnosis.candidates[f])}"
    return f.message


def ambiguity(candidates) -> str:
    listed = "; ".join(f"{s.cell.line}:{s.cell.column} {s.sentence()}" for s in candidates)
    what = "pairs of figures" if any(s.also for s in candidates) else "figures"
    return f"Any one of {len(candidates)} {what} would explain this, equally: {listed}"


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


# --- text ---------------------------------------------------------------------


def lines(results) -> list:
    """(severity, text) per line of the plain report."""
    out = []
    for r in results:
        if r.error is not None:
            out.append(("error", str(r.error)))
        for f in r.findings:
            out.append((f.severity, f"{r.path}:{f.location.line}:{f.location.column}: {f.severity} {f.rule} {f.message}"))
    return out


def diagnosis_lines(results, diagnoses) -> list:
    """One line per diagnosed cell (not per finding: two checks, one figure),
    in the same path:line:column form, after the findings."""
    out = []
    for r, d in zip(results, diagnoses or []):
        if d is None:
            continue
        seen = set()
        for f in r.findings:
            if f in d.suggestions and d.suggestions[f].cell not in seen:
                s = d.suggestions[f]
                seen.update(t.cell for t in (s, *s.also))  # a pair is told once, at its first cell
                out.append(f"{r.path}:{s.cell.line}:{s.cell.column}: diagnosis {s.sentence()}")
            elif f in d.candidates and (f.location, "?") not in seen:
                seen.add((f.location, "?"))
                out.append(f"{r.path}:{f.location.line}:{f.location.column}: diagnosis {ambiguity(d.candidates[f])}")
    return out


def summary(results, suppressed=None) -> str:
    return summary_line(document(results, suppressed=suppressed)["summary"])


def summary_line(doc) -> str:
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


def rule_counts(results) -> list:
    """(rule, check, severity, count) across files, most frequent first."""
    counts = {}
    for r in results:
        for f in r.findings:
            key = (f.rule, f.check, f.severity)
            counts[key] = counts.get(key, 0) + 1
    return sorted(((*k, n) for k, n in counts.items()), key=lambda t: (-t[3], t[0], t[2]))


def statistics_lines(results) -> list:
    """Per-rule counts, like a linter's statistics."""
    return counts_lines(rule_counts(results))


def counts_lines(counts) -> list:
    return [f"{n:>6}  {rule:<8} {severity:<8} {check}" for rule, check, severity, n in counts]


def write_text(results, stream, color: bool, diagnoses=None, suppressed=None, table=False, statistics=False) -> None:
    """The report for people: findings (or, with `statistics`, counts per
    rule), the summary, then what the diagnosis makes of them."""
    text = TextReport(stream, color, table, statistics)
    after = []
    for r, d in zip(results, diagnoses or [None] * len(results)):
        after += text.file(r, d)
    text.end(summary(results, suppressed), statistics_lines(results) if statistics else [], after)


class TextReport:
    """The text report a file at a time: `file` prints a file's findings as
    it is checked and returns its diagnosis lines, which `end` prints after
    the summary (plain text) or which were printed under each finding (colour)."""

    STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}

    def __init__(self, stream, color: bool, table=False, statistics=False):
        self.stream, self.color, self.table, self.statistics = stream, color, table, statistics
        self.console = None
        if color:
            from rich.console import Console

            self.console = Console(file=stream, highlight=False)

    def file(self, r, d) -> list:
        if self.table:
            from auditor.output import tableview

            if self.color:
                tableview.render([r], [d], self.console)
            else:
                tableview.write([r], [d], self.stream, color=False)
        if not self.color:
            if self.statistics:
                return []
            for _, line in lines([r]):
                self.stream.write(line + "\n")
            return diagnosis_lines([r], [d])
        self._coloured(r, d)
        return []

    def _coloured(self, r, d) -> None:
        from rich.text import Text

        console = self.console
        if r.error is not None:
            console.print(Text(str(r.error), style="bold red"))
        if self.statistics:
            return
        for f in r.findings:
            line = Text()
            line.append(f"{r.path}:{f.location.line}:{f.location.column}: ", style="bold")
            line.append(f.severity, style=self.STYLES.get(f.severity, ""))
            line.append(f" {f.rule} ", style="dim")
            line.append(f.message)
            console.print(line)
            if f.expected is not None:
                console.print(
                    f"    printed {amount_text(f.actual)}, expected {amount_text(f.expected)}, "
                    f"difference {signed_text(f.difference)}",
                    style="dim",
                )
            if d is not None and f in d.suggestions:
                console.print(f"    suggestion: {d.suggestions[f].sentence()}", style="green")
            elif d is not None and f in d.candidates:
                console.print(f"    {ambiguity(d.candidates[f])}", style="magenta")

    def end(self, summary_text: str, statistics=(), after=()) -> None:
        """`statistics`: lines before the summary (--summary); `after`: the
        diagnosis lines `file` returned (an iterable: they may come from disk)."""
        if not self.color:
            for line in statistics:
                self.stream.write(line + "\n")
            self.stream.write(summary_text + "\n")
            for line in after:
                self.stream.write(line if line.endswith("\n") else line + "\n")
            return
        for line in statistics:
            self.console.print(line)
        self.console.print(summary_text, style="bold")


# --- writing --------------------------------------------------------------------


def write_file(path: str, text: str, inputs=()) -> None:
    """Replace `path` with `text` all at once, never over anything but a
    regular file and never over one of `inputs` (see auditor/output.py)."""
    from auditor.output.files import write_file as write

    write(path, text, inputs)
