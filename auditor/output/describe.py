"""The schedule AST as JSON or text, for `auditor parse`: what the rules see."""

from __future__ import annotations

from collections.abc import Iterable

from auditor.model import Schedule
from auditor.output.document import Json, json_text, reading_dict, row_dict
from auditor.ruleset.engine import amount_text


def schedule_dict(s: Schedule) -> Json:
    out: Json = {
        "title": s.title,
        "units": s.units,
        "line": s.line,
        "label_heading": s.label_heading,
        "conventions": {"deductions": s.deductions, "basis": s.deductions_basis,
                        "balances": "positive" if s.balance_sign > 0 else "negative"},
        "columns": [
            {"heading": c.heading, "role": c.role, "effect": c.effect, "span": [c.start, c.end]}
            for c in s.columns
        ],
        "reading": reading_dict(s),
        "periods": [
            {
                "label": p.label,
                "fiscal_year": p.fiscal_year,
                "end_date": p.end_date.isoformat() if p.end_date else None,
                "line": p.line,
                "rows": [row_dict(r) for r in p.rows],
            }
            for p in s.periods
        ],
    }
    if s.source != "table":
        out["source"] = s.source
    if s.notes:
        out["notes"] = list(s.notes)
    return out


def dumps(schedules: Iterable[Schedule]) -> str:
    return json_text({"version": 1, "schedules": [schedule_dict(s) for s in schedules]})


def text(schedules: Iterable[Schedule]) -> str:
    out = []
    for s in schedules:
        out.append(f"{s.title}  (line {s.line}, units: {s.units or 'not stated'})")
        out.append(f"  deductions: {s.deductions} ({s.deductions_basis}); balances: "
                   f"{'positive' if s.balance_sign > 0 else 'negative'}")
        decided = s.reading.columns if s.reading is not None else ()
        for k, c in enumerate(s.columns):
            out.append(f"  column {k + 1} [{c.start}-{c.end}) {c.role} ({c.effect}): {c.heading}")
            if k < len(decided):
                out.append(f"    read: {decided[k].sign}, because {'; '.join(decided[k].basis) or 'no evidence'}")
        if s.reading is not None:
            out.append(f"  rows closing read this way: {s.reading.rows_closing} of {s.reading.rows}")
            for t in s.reading.totals:
                row = s.periods[t.period].rows[t.row]
                out.append(f"  total at line {row.line} sums {t.scope} ({t.basis})")
            for _, message, _ in s.reading.ambiguous:
                out.append(f"  ambiguous: {message}")
            for at, first in s.reading.unsure_totals:
                out.append(f"  ambiguous: line {s.periods[at].rows[first].line}: {s.unsure_total(at, first)}")
            if s.reading.carry_basis:
                out.append(f"  carry forward: {s.reading.carry_basis}")
            for m in s.reading.marks:
                read = "left unsure" if m.read_as == "unsure" else f"read as a {m.read_as}"
                out.append(f"  line {m.cell.line}: {m.cell.raw!r} right after a figure {read}, because {'; '.join(m.basis)}")
        for p in s.periods:
            out.append(f"  period {p.label or '(none)'!r} line {p.line}, fiscal year {p.fiscal_year}, ends {p.end_date}")
            for r in p.rows:
                cells = "  ".join(
                    "." if c is None else (f"{'nil' if c.value is None else amount_text(c.value)}@{c.line}:{c.column}"
                                           + (f"{c.footnote}" if c.footnote else ""))
                    for c in r.cells
                )
                out.append(f"    {r.kind:5} {r.label or '(unlabelled)'}: {cells}")
        out.extend(f"  note: {note}" for note in s.notes)
    return "\n".join(out) + "\n"
