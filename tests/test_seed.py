"""The seed exhibit: its one real error, found exactly, and every single-figure
change to it caught where the Core issue says."""

import re
from decimal import Decimal

import pytest

import auditor
from conftest import SEED

# The seed's figure rows, read here with a plain regex (not the tool's parser):
# each row line prints exactly five figures, in column order.
FIGURE = re.compile(r"\(\d[\d,]*\)|\d[\d,]*|(?<= )-(?= )")
COLUMNS = ("beginning", "charged_costs", "charged_other", "deductions", "ending")


def seed_rows():
    """[(line, label, [(column, text, value)])] for every figure row of the seed."""
    rows = []
    for number, line in enumerate(SEED.read_text().splitlines(), start=1):
        if not re.match(r"^(Allowance|Reserve|Warranty|Total)", line):
            continue
        figures = []
        for m in FIGURE.finditer(line, 43):
            text = m.group(0)
            value = Decimal(0) if text == "-" else Decimal(text.strip("()").replace(",", ""))
            figures.append((m.start() + 1, text, -value if text.startswith("(") else value))
        assert len(figures) == 5, line
        rows.append((number, line[:43].strip(), figures))
    return rows


def test_seed_yields_exactly_the_two_real_findings():
    result = auditor.check_file(str(SEED))
    assert result.error is None
    got = [(f.check, f.severity, f.location.line, f.location.column, f.actual, f.expected) for f in result.findings]
    assert got == [
        ("row_identity", "error", 42, 98, Decimal("9762"), Decimal("9824")),
        ("column_total", "error", 42, 98, Decimal("9762"), Decimal("9824")),
    ]
    identity, total = result.findings
    assert identity.difference == Decimal("-62")
    assert identity.period == "Year ended June 30, 2003" and identity.row == "Total"
    assert identity.column == "ending"
    # related: the other cells each check read
    assert [(p.line, p.column) for p in identity.related] == [(42, 49), (42, 65), (42, 77), (42, 89)]
    assert [(p.line, p.column) for p in total.related] == [(38, 100), (39, 98), (40, 98)]


def test_seed_schedule_is_read_as_printed():
    (schedule,) = auditor.check_file(str(SEED)).schedules
    assert schedule.units == "thousands"
    assert [c.role for c in schedule.columns] == list(COLUMNS)
    assert [p.label for p in schedule.periods] == [f"Year ended June 30, {y}" for y in (2001, 2002, 2003)]
    assert [p.end_date.isoformat() for p in schedule.periods] == ["2001-06-30", "2002-06-30", "2003-06-30"]
    rows = [(r.label, r.kind) for p in schedule.periods for r in p.rows]
    assert rows == [
        ("Allowance for doubtful accounts", "item"),
        ("Reserve for excess and obsolete inventory", "item"),
        ("Warranty reserve", "item"),
        ("Total", "total"),
    ] * 3
    # Every figure, its value and position, against the independent reading.
    cells = [(c.line, c.column, c.value) for p in schedule.periods for r in p.rows for c in r.cells]
    expected = [(line, col, None if text == "-" else value) for line, _, figs in seed_rows() for col, text, value in figs]
    assert cells == expected


def _mutations():
    for line, label, figures in seed_rows():
        for k, (col, text, value) in enumerate(figures):
            yield pytest.param(line, label, k, col, text, id=f"L{line}-{COLUMNS[k]}")


def _expected_locations(rows, line, k):
    """Where the Core issue says each check that reads cell (line, k) reports."""
    by_line = {r[0]: r for r in rows}
    periods = [rows[i : i + 4] for i in range(0, len(rows), 4)]
    p = next(i for i, per in enumerate(periods) if any(r[0] == line for r in per))
    row = by_line[line]
    total = periods[p][3]
    where = {("row_identity", line, row[2][4][0])}  # the row's ending cell
    where.add(("column_total", total[0], total[2][k][0]))  # the total row's cell
    index = [r[0] for r in periods[p]].index(line)
    if k == 0 and p > 0:
        where.add(("carry_forward", line, row[2][0][0]))
    if k == 4 and p + 1 < len(periods):
        nxt = periods[p + 1][index]
        where.add(("carry_forward", nxt[0], nxt[2][0][0]))
    return where


@pytest.mark.parametrize("line,label,k,col,text", list(_mutations()))
def test_every_single_figure_change_is_caught(tmp_path, line, label, k, col, text):
    lines = SEED.read_text().split("\n")
    digits = re.search(r"\d(?=\D*$)", text) if text != "-" else None
    if digits:  # change the last digit by 5: a slip no rounding explains
        i = col - 1 + digits.start()
        new = str((int(lines[line - 1][i]) + 5) % 10)
    else:  # a nil becomes 7
        i, new = col - 1, "7"
    lines[line - 1] = lines[line - 1][:i] + new + lines[line - 1][i + 1 :]
    mutated = tmp_path / "mutated.txt"
    mutated.write_text("\n".join(lines))
    result = auditor.check_file(str(mutated))
    assert result.error is None
    got = {(f.check, f.location.line, f.location.column) for f in result.findings if f.severity == "error"}
    expected = _expected_locations(seed_rows(), line, k)
    assert expected <= got, f"missing {expected - got}"
    # Nothing is reported elsewhere but the seed's own error.
    seed_error = {("row_identity", 42, 98), ("column_total", 42, 98)}
    assert got <= expected | seed_error
