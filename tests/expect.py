"""What a rendered table spec must yield, computed from its figures alone.

Independent of the tool: the arithmetic of Rule 12-09 done here from the
spec's cells, its `roles` and `deductions_sign`, with the rounding rule (a
difference within the sum of half-units of the printed figures involved is
info, not an error).  Used by the real-table and property tests.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from typing import Optional

from render import Rendered, parse_cell, period_date

OPENING, CLOSING = "beginning", "ending"
ADJUSTED = "adjusted"  # the balance at beginning as adjusted for an adoption: within the row, no movement
SUBTRACTING = {"deductions", "writeoffs", "credited_costs", "credited_other"}
HALF = Decimal("0.5")
TRAILING_MARKS = re.compile(r"(\s*(\(\w{1,2}\)|\*+))+$")


def row_name(label: str) -> str:
    """A row label compared across the tool and the spec: markers and colons off."""
    return " ".join(TRAILING_MARKS.sub("", label).rstrip(":").split())


def row_key(label: str) -> str:
    return " ".join(w.rstrip("s") for w in re.findall(r"[a-z0-9]+", row_name(label).lower()))


class _Cell:
    def __init__(self, text, blank_nils):
        self.kind, value, self.decimals = parse_cell(text)
        if self.kind == "nil" and blank_nils:
            self.kind = "blank"
        self.value = value if value is not None else Decimal(0)

    @property
    def printed(self):
        return self.kind != "blank"

    @property
    def half(self):
        return HALF.scaleb(-self.decimals) if self.kind == "amount" else Decimal(0)


def expected_errors(spec: dict, rendered: Rendered, blank_nils: bool = False) -> set:
    """{(check, row name, line, column)} of every error the table's figures hold."""
    roles = spec["roles"][1:]
    opening, closing = roles.index(OPENING), roles.index(CLOSING)
    sign = -1 if spec["deductions_sign"] == "positive-subtracted" else 1
    terms = [(k, sign if r in SUBTRACTING else 1) for k, r in enumerate(roles)
             if k not in (opening, closing) and r != ADJUSTED]
    found = set()

    def where(check, pi, ri, k):
        fig = rendered.at(pi, ri, k)
        line, column = (fig.line, fig.start) if fig else (None, None)
        found.add((check, row_name(rendered.row_labels[(pi, ri)]), line, column))

    table = []
    for pi, period in enumerate(spec["periods"]):
        rows = []
        for ri, row in enumerate(period["rows"]):
            cells = [_Cell(t, blank_nils) for t in row["cells"]]
            rows.append((ri, row, cells))
        table.append(rows)

    # Row identity: opening + additions -/+ deductions = closing.
    for pi, rows in enumerate(table):
        for ri, row, cells in rows:
            if not cells or not any(c.printed for c in cells):
                continue
            total = cells[opening].value + sum(s * cells[k].value for k, s in terms)
            if _beyond(total - cells[closing].value, [cells[opening], cells[closing]] + [cells[k] for k, _ in terms]):
                where("row_identity", pi, ri, closing)

    # The balance as adjusted: the balance at beginning and the movements printed before it.
    if ADJUSTED in roles:
        adjusted = roles.index(ADJUSTED)
        before = [(k, s) for k, s in terms if k < adjusted]
        for pi, rows in enumerate(table):
            for ri, row, cells in rows:
                if not cells or not any(c.printed for c in cells):
                    continue
                if all(cells[k].kind != "amount" for k in [adjusted] + [k for k, _ in before]):
                    continue  # (no adoption and a nil or blank as adjusted: not printed, no zero balance)
                total = cells[opening].value + sum(s * cells[k].value for k, s in before)
                if _beyond(total - cells[adjusted].value, [cells[opening], cells[adjusted]] + [cells[k] for k, _ in before]):
                    where("adjusted_balance", pi, ri, adjusted)

    # Column totals: a total sums the items since the previous total, or the subtotals above.
    for pi, rows in enumerate(table):
        items, subtotals = [], []
        for ri, row, cells in rows:
            if not cells:
                continue
            if not row.get("is_total"):
                items.append(cells)
                continue
            parts = items or subtotals
            if items:
                subtotals.append(cells)
            items = []
            for k in range(len(roles)):
                summed = sum((p[k].value for p in parts), Decimal(0))
                if _beyond(cells[k].value - summed, [cells[k]] + [p[k] for p in parts]):
                    where("column_total", pi, ri, k)

    # Carry forward: chronologically adjacent periods, rows matched by label (none where the balance
    # at beginning is headed restated: it need not be the year before's balance at end).
    restated = re.search(r"restated|as\s+adjusted", spec["columns"][opening + 1], re.IGNORECASE)
    keys = [_carry_keys(spec["periods"][pi]["rows"],
                        [row_key(rendered.row_labels.get((pi, ri), row["label"])) for ri, row, _ in rows])
            for pi, rows in enumerate(table)]
    for before, after in [] if restated else _carries(spec["periods"]):
        ends = {}
        for ri, row, cells in table[before]:
            if cells:
                ends.setdefault(keys[before][ri], cells)
        for ri, row, cells in table[after]:
            prior = ends.get(keys[after][ri]) if cells else None
            if prior is None or not (prior[closing].printed or cells[opening].printed):
                continue
            if _beyond(cells[opening].value - prior[closing].value, [cells[opening], prior[closing]]):
                where("carry_forward", after, ri, opening)

    # Sign: balances take the sign most of the table's balances have.
    balances = [c[k].value for rows in table for _, _, c in rows if c for k in (opening, closing) if c[k].value]
    negative = sum(1 for v in balances if v < 0) > len(balances) / 2
    for pi, rows in enumerate(table):
        for ri, row, cells in rows:
            for k in (opening, closing) if cells else ():
                v = cells[k].value
                if v and (v < 0) != negative:
                    where("sign", pi, ri, k)
    return found


def _carry_keys(rows: list, keys: list) -> list:
    """Each row's key for the carry forward: its label's, but for totals labelled alike in a
    period ("Total" under each group and under all) the label and the accounts each sums."""
    alike = {k for k in keys if keys.count(k) > 1}
    if not alike:
        return keys
    parts = dict(_summed(rows))

    def accounts(ri: int) -> set:
        return set().union(*(accounts(i) if i in parts else {keys[i]} for i in parts[ri]))

    return [f"{k} <{sorted(accounts(ri))}>" if k in alike and ri in parts else k for ri, k in enumerate(keys)]


def _summed(rows: list):
    """(total's index, the indexes it sums): its "parts" where the spec gives them, else the
    items since the total before it, or the subtotals above it."""
    items, subtotals = [], []
    for ri, row in enumerate(rows):
        if not row.get("is_total"):
            items.append(ri)
            continue
        if row.get("parts") is not None:
            yield ri, list(row["parts"])
        elif items or subtotals:
            yield ri, items or subtotals
        if items:
            subtotals.append(ri)
        items = []


def _carries(periods: list) -> list:
    """(before, after) pairs of periods whose carry forward is checked: each period opens
    with the one ending before it; of two ending on the same date (a year restated
    beside it as first reported) each opens with the one before, and the next opens
    with the one captioned restated, or (no caption saying which) goes unchecked; a
    successor's period (fresh start, ASC 852) does not open with its predecessor's."""
    order = sorted(range(len(periods)), key=lambda pi: _period_end(periods[pi]))
    groups: list = []
    for pi in order:
        if groups and _period_end(periods[groups[-1][0]]) == _period_end(periods[pi]):
            groups[-1].append(pi)
        else:
            groups.append([pi])
    pairs, carrier = [], None
    for group in groups:
        if carrier is not None:
            pairs += [(carrier, pi) for pi in group if not _fresh_start(periods[carrier], periods[pi])]
        restated = [pi for pi in group if "restated" in periods[pi]["label"].lower()]
        carrier = group[0] if len(group) == 1 else (restated[0] if len(restated) == 1 else None)
    return pairs


def _fresh_start(before: dict, after: dict) -> bool:
    return "predecessor" in before["label"].lower() and "successor" in after["label"].lower()


def _period_end(period: dict):
    """(year, month, day) a spec's period ends on: the "want" a habit that renames
    the period gives it (tests/period_habits.py), else what its label prints."""
    want = period.get("want")
    if period.get("end"):  # (a habit's yearless caption: the end the transcription gave it)
        return tuple(period["end"])
    if want is None:
        return period_date(period["label"])
    return (want[0], *(int(part) for part in want[1].split("-")[1:])) if want[1] else (want[0], 12, 31)


def _beyond(difference: Decimal, cells) -> bool:
    return abs(difference) > sum((c.half for c in cells), Decimal(0))


def reported_errors(result) -> set:
    """The tool's errors and warnings in the same shape.  Not VQ008: a
    rendered table is a whole file ending at its last row, and where a file
    ends says nothing of its figures (tests/test_hostile_truncation.py tests it)."""
    return {
        (f.check, row_name(f.row), f.location.line, f.location.column)
        for f in result.findings
        if f.severity in ("error", "warning") and f.check != "file_ends_at_table"
    }


def read_cells(schedules) -> dict:
    """Each cell the tool read, by where it stands: (line, column) -> (raw, value)."""
    return {(c.line, c.column): (c.raw, c.value) for s in schedules for p in s.periods for r in p.rows
            for c in r.cells if c}


def schedules_of(schedules, printings) -> list:
    """For each printing of a table (a combined filing prints one per
    registrant), the indices of the schedules its figures were read into: each
    should be one schedule, and no two printings the same (none joined)."""
    where = {(c.line, c.column): k for k, s in enumerate(schedules) for p in s.periods for r in p.rows for c in r.cells if c}
    return [{where.get((f.line, f.start)) for f in r.figures} for r in printings]


def units_differ(schedules, units: Optional[str]) -> Optional[str]:
    """What differs where `schedules` were read in other units than a printing states (`units`, as
    `Rendered.units`: "thousands", "millions"; "dollars", none stated, none to read; None, not known)."""
    if units is None:
        return None
    read = sorted({str(s.units) for s in schedules})
    return None if read == ["None" if units == "dollars" else units] else f"units: read {read}, printed {units}"


def units_misread(schedules, printings) -> Optional[str]:
    """`units_differ` for each printing of a table, the schedules its figures were read into."""
    for r, found in zip(printings, schedules_of(schedules, printings)):
        wrong = units_differ([schedules[k] for k in found if k is not None], r.units)
        if wrong is not None:
            return wrong
    return None


def apart(schedules, printings) -> bool:
    """Whether each printing was read as a schedule of its own (`schedules_of`)."""
    found = schedules_of(schedules, printings)
    return all(len(s) == 1 for s in found) and len(set().union(*found)) == len(found)


def printed_html_cells(rendered: Rendered) -> dict:
    """Each figure an HTML render printed, keyed as `read_cells` keys the tool's."""
    return {(f.line, f.start): (html.unescape(f.raw), f.value) for f in rendered.figures}
