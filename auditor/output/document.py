"""The JSON document's pieces, shared by the json, jsonl and html writers
(and `auditor parse --format json`): a file's entry, a finding, a
suggestion, and JSON text with every amount exact.

The JSON document is a public interface (schema: schemas/findings.schema.json,
`version` changes only on a breaking change).  Amounts are written as JSON
numbers exactly equal to their Decimals.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Optional

from auditor.cells import located
from auditor.errors import json_shown

if TYPE_CHECKING:
    from auditor.diagnose import Diagnosis, Suggestion
    from auditor.model import Cell, Finding, MarkReading, Position, Row, Schedule
    from auditor.result import FileResult

VERSION = 1

Json = dict[str, Any]  # a JSON object as json.dumps takes it (amounts as Decimals)


def document(results: Iterable[FileResult], suppressed: Optional[int] = None) -> Json:
    """The JSON document of whole results (each with its diagnosis, if any);
    `suppressed` (findings a baseline accepted) adds that count."""
    files = [file_entry(r) for r in results]
    summary = counts(files)
    if suppressed is not None:
        summary["suppressed"] = suppressed
    return {"version": VERSION, "files": files, "summary": summary}


def counts(files: Sequence[Mapping[str, Any]]) -> Json:
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


def file_entry(result: FileResult) -> Json:
    """One file of the JSON document."""
    return {
        "path": result.path,
        **{key: result.said[word] for key, word in (("company", "company"), ("period_of_report", "period"))
           if word in result.said},
        "error": error(result),
        "schedules": [_schedule(s, _about(s, result.findings)) for s in result.schedules],
        "findings": [finding(f, result.diagnosis) for f in result.findings],
    }


def error(result: FileResult) -> Optional[Json]:
    """A file's input error as JSON, or None."""
    if result.error is None:
        return None
    return {"message": result.error.message, "line": result.error.line, "column": result.error.column}


def _about(schedule: Schedule, findings: Sequence[Finding]) -> bool:
    """Whether a finding is about one of the schedule's cells."""
    at = {(f.location.line, f.location.column) for f in findings}
    return bool(at) and any(c.place in at for c in located(schedule))


def _schedule(s: Schedule, with_table: bool = False) -> Json:
    """A schedule's summary; `with_table` adds the table as filed (every
    row and cell), written only for a schedule a finding is about, so that a
    corpus's result grows with its findings, not with its tables."""
    out: Json = {
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


def reading_dict(s: Schedule) -> Optional[Json]:
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
        **({"carry": r.carry_basis} if r.carry_basis else {}),
        **({"marks": [mark_dict(s, m) for m in r.marks]} if r.marks else {}),
    }


def mark_dict(s: Schedule, m: MarkReading) -> Json:
    """A "(1)" right after a figure read two ways, as the arithmetic read it (reading/marks)."""
    return {"period": s.periods[m.period].label, "row": s.periods[m.period].rows[m.row].label,
            "line": s.periods[m.period].rows[m.row].line, "column": m.column + 1, "cell": _position(m.cell.position),
            "raw": m.cell.raw, "read_as": m.read_as, "basis": list(m.basis)}


def row_dict(r: Row) -> Json:
    """A row as printed: its label, kind, line, and one cell (or null, a
    blank) per column."""
    return {"label": r.label, "kind": r.kind, "line": r.line, "footnote": r.footnote,
            "cells": [_cell_dict(c) for c in r.cells]}


def _cell_dict(c: Optional[Cell]) -> Optional[Json]:
    if c is None:
        return None
    return {"value": c.value, "raw": c.raw, "line": c.line, "column": c.column,
            "end_column": c.end_column, "footnote": c.footnote}


def _position(p: Position) -> Json:
    return {"line": p.line, "column": p.column}


def finding(f: Finding, diagnosis: Optional[Diagnosis] = None) -> Json:
    """A finding, with what the diagnosis of its file says of it."""
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


def suggestion(s: Suggestion) -> Json:
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
# afterwards: the stdlib encoder would otherwise go through float.  A filing
# can hold the marker itself (a private-use character): in filing text it is
# written doubled around a "!", which no marked Decimal's string can start
# with, and put back single after the Decimals are unquoted.
_MARK = "\ue000"
_MARKED = re.compile('"' + _MARK + '(-?[0-9.]+)' + _MARK + '"')
_FILING_MARK = _MARK + "!" + _MARK


def _decimal_text(d: Decimal) -> str:
    text = format(d, "f")
    return "0" if text.strip("-0.") == "" else text


_PLAIN = frozenset({int, bool, float, type(None)})  # written as they are: no call for them


def _mark(o: object) -> object:
    if type(o) is str:
        return o.replace(_MARK, _FILING_MARK) if _MARK in o else o
    if type(o) in _PLAIN:
        return o
    if isinstance(o, Decimal):
        return f"{_MARK}{_decimal_text(o)}{_MARK}"
    if isinstance(o, dict):
        return {_mark(k) if type(k) is str and _MARK in k else k:
                v if type(v) in _PLAIN or type(v) is str and _MARK not in v else _mark(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [v if type(v) in _PLAIN or type(v) is str and _MARK not in v else _mark(v) for v in o]
    return o


def json_text(doc: object, indent: Optional[int] = 2) -> str:
    """JSON with every Decimal written as the exact number it is."""
    text = json.dumps(_mark(doc), indent=indent, ensure_ascii=False)
    text = _MARKED.sub(r"\1", text)
    if _FILING_MARK in text:
        text = text.replace(_FILING_MARK, _MARK)
    return json_shown(text)  # (after the marks: they are private-use characters)
