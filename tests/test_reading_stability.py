"""Evidence never explains an error away (issue 12, part 3).

For single-figure changes of every fixture and of every real table, the
reading (each column's role and sign, what each total sums) is the clean
table's, and the changed figure is still reported: an error finding reads
the changed cell.  For the real tables, the errors are exactly those the
figures hold read the way a person read them (tests/expect.py), so the
location and the diagnosis are the clean reading's too.

Bounded: a spread of figures per table (every table covered), not all."""

import json
import re
from pathlib import Path

import pytest

import auditor
from expect import expected_errors, reported_errors
from render import Layout, parse_cell, render

FIXTURES = Path(__file__).parent / "fixtures"
PER_TABLE = 6
SHARED = __import__("conftest").SHARED


def reading_of(schedule):
    r = schedule.reading
    return ([(c.role, c.sign) for c in r.columns], [(t.period, t.row, t.parts) for t in r.totals])


def spread(items: list, n: int = PER_TABLE) -> list:
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def changed(raw: str) -> str:
    """The figure with one digit changed by 5: the tens where it has them (beyond rounding)."""
    digits = [i for i, ch in enumerate(raw) if ch.isdigit()]
    i = digits[-2] if len(digits) >= 2 else digits[-1]
    return raw[:i] + str((int(raw[i]) + 5) % 10) + raw[i + 1:]


def _fixtures():
    return sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "html").glob("*.htm"))


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: p.name)
def test_one_wrong_figure_in_a_fixture_keeps_its_reading_and_is_found(path, tmp_path):
    clean = auditor.check_file(str(path))
    if clean.error is not None:
        pytest.skip(f"the fixture is an input error: {clean.error}")
    lines = path.read_bytes().decode("utf-8", "surrogateescape").split("\n")
    cells = [(s_i, c) for s_i, s in enumerate(clean.schedules) for p in s.periods for r in p.rows
             for c in r.cells if c is not None and c.value is not None and re.search(r"\d", c.raw)]
    missed = []
    for s_i, cell in spread(cells, 8):
        text = lines[cell.line - 1]
        start = text.find(cell.raw, cell.column - 1)
        if start < 0:
            continue  # the figure is not printed in one piece (split across HTML cells)
        mutated = list(lines)
        mutated[cell.line - 1] = text[:start] + changed(cell.raw) + text[start + len(cell.raw):]
        out = tmp_path / path.name
        out.write_bytes("\n".join(mutated).encode("utf-8", "surrogateescape"))
        result = auditor.check_file(str(out))
        assert result.error is None, f"{cell.raw} at {cell.line}:{cell.column}: {result.error}"
        assert reading_of(result.schedules[s_i]) == reading_of(clean.schedules[s_i]), f"{cell.line}:{cell.column}"
        at = (cell.line, cell.column)
        if not any(f.severity == "error" and ((f.location.line, f.location.column) == at
                                              or any((p.line, p.column) == at for p in f.related))
                   for f in result.findings):
            missed.append(f"{cell.raw} at {cell.line}:{cell.column}")
    assert not missed, missed


def _tables():
    return sorted((SHARED / "real-tables").glob("*.json")) if (SHARED / "real-tables").is_dir() else []


@pytest.mark.parametrize("path", _tables(), ids=lambda p: p.stem)
def test_one_wrong_figure_in_a_real_table_keeps_its_reading(path, tmp_path):
    spec = json.loads(path.read_text())
    layout = Layout(heading_depth=5, dollar="detached")
    out = tmp_path / "exhibit.txt"
    out.write_text(render(spec, layout).text)
    clean = auditor.check_file(str(out))
    assert clean.error is None, clean.error
    places = [(pi, ri, k) for pi, p in enumerate(spec["periods"]) for ri, r in enumerate(p["rows"])
              for k, text in enumerate(r["cells"]) if parse_cell(text)[0] == "amount"]
    for pi, ri, k in spread(places):
        mutated = json.loads(path.read_text())
        row = mutated["periods"][pi]["rows"][ri]
        row["cells"][k] = changed(row["cells"][k])
        rendered = render(mutated, layout)
        out.write_text(rendered.text)
        result = auditor.check_file(str(out))
        where = f"{row['label']} column {k + 1}: {spec['periods'][pi]['rows'][ri]['cells'][k]} -> {row['cells'][k]}"
        assert result.error is None, where
        assert reading_of(result.schedules[0]) == reading_of(clean.schedules[0]), where
        wanted = expected_errors(mutated, rendered)
        assert reported_errors(result) == wanted, where
        assert wanted - expected_errors(spec, render(spec, layout)), f"{where}: the change is found"
