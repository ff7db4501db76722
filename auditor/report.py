"""Write findings: JSON for review tools, text for people.

The JSON document is a public interface (schema: schemas/findings.schema.json,
`version` changes only on a breaking change).  Amounts are written as JSON
numbers exactly equal to their Decimals.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

from .engine import amount_text

VERSION = 1
SEVERITIES = ("error", "warning", "info")


# --- JSON ---------------------------------------------------------------------


def document(results) -> dict:
    files = [_file(r) for r in results]
    findings = [f for r in results for f in r.findings]
    return {
        "version": VERSION,
        "files": files,
        "summary": {
            "files": len(results),
            "findings": len(findings),
            "errors": sum(f.severity == "error" for f in findings),
            "warnings": sum(f.severity == "warning" for f in findings),
            "infos": sum(f.severity == "info" for f in findings),
            "unreadable": sum(r.error is not None for r in results),
        },
    }


def _file(result) -> dict:
    error = None
    if result.error is not None:
        error = {"message": result.error.message, "line": result.error.line}
    return {
        "path": result.path,
        "error": error,
        "schedules": [_schedule(s) for s in result.schedules],
        "findings": [finding(f) for f in result.findings],
    }


def _schedule(s) -> dict:
    return {
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
            }
            for p in s.periods
        ],
        "columns": [{"heading": c.heading, "role": c.role} for c in s.columns],
        "conventions": {
            "deductions": s.deductions,
            "basis": s.deductions_basis,
            "balances": "positive" if s.balance_sign > 0 else "negative",
        },
    }


def _position(p) -> dict:
    return {"line": p.line, "column": p.column}


def finding(f) -> dict:
    return {
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


def dumps(results, indent=2) -> str:
    text = json.dumps(_mark(document(results)), indent=indent, ensure_ascii=False)
    return _MARKED.sub(r"\1", text)


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


def summary(results) -> str:
    doc = document(results)["summary"]
    files = doc["files"]
    text = (
        f"{doc['findings']} finding{'s' * (doc['findings'] != 1)} "
        f"({doc['errors']} error{'s' * (doc['errors'] != 1)}, "
        f"{doc['warnings']} warning{'s' * (doc['warnings'] != 1)}, {doc['infos']} info) "
        f"in {files} file{'s' * (files != 1)}"
    )
    if doc["unreadable"]:
        text += f"; {doc['unreadable']} could not be checked"
    return text


def write_text(results, stream, color: bool) -> None:
    if not color:
        for _, line in lines(results):
            stream.write(line + "\n")
        stream.write(summary(results) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False)
    styles = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for r in results:
        if r.error is not None:
            console.print(Text(str(r.error), style="bold red"))
        for f in r.findings:
            line = Text()
            line.append(f"{r.path}:{f.location.line}:{f.location.column}: ", style="bold")
            line.append(f.severity, style=styles.get(f.severity, ""))
            line.append(f" {f.rule} ", style="dim")
            line.append(f.message)
            console.print(line)
            if f.expected is not None:
                console.print(
                    f"    printed {amount_text(f.actual)}, expected {amount_text(f.expected)}, "
                    f"difference {amount_text(f.difference)}",
                    style="dim",
                )
    console.print(summary(results), style="bold")
