"""Every whole filing of ../shared/filings, as filed, read against its hand transcription.

Document by document: every transcribed figure is read in the right period (by
fiscal year), row (in printed order, by label) and column, at the file line the
transcription gives, and the character there is the figure's first; each column
is read with the transcribed role (begin, add a signed value, sub, end); and no
finding is an error (the transcription's one-unit rounding differences, under
`arithmetic`, are info findings at their row).  Where a filing's figures are
read right but a role or sign decision is not, only that assertion is marked
xfail, naming the work it waits for.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

import pytest

import auditor
from auditor import source
from conftest import SHARED

FILINGS = SHARED / "filings"

# Filings not read right yet: filing -> {assertion: reason}.  Each is expected to fail
# until it is read (not strict: a fixed one is taken off the list when seen passing).
WAITS: dict = {}
NAMES = ["ba-2003-10k", "goog-2023-10k", "googl-2024-10k", "ibm-2023-10k", "ibm-2024-10k", "khc-2023-10k",
         "ko-1997-10k", "medicis-fy1999-10k"]


def _cases(assertion):
    return [pytest.param(name, marks=pytest.mark.xfail(reason=WAITS[name][assertion], strict=False))
            if assertion in WAITS.get(name, {}) else name for name in NAMES]


@lru_cache(maxsize=None)
def _read(name):
    folder = FILINGS / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the real filings live in ../shared beside this checkout")
    document = next(p for p in sorted(folder.iterdir()) if p.suffix not in (".json", ".md"))
    expected = json.loads((folder / "expected.json").read_text())
    src = source.read(str(document))
    result = auditor.check_source(src, auditor.load_rules())
    raw_lines = document.read_bytes().decode(src.encoding).replace("\r\n", "\n").split("\n")

    def at(line, column):  # the file's own text from a position (the result's are the file's columns)
        return raw_lines[line - 1][column - 1:]

    return expected, at, result


def _words(text) -> list:
    return re.findall(r"[a-z0-9]+", (text or "").lower())


def _printed(figure: str) -> str:
    """A transcribed figure as the cell's raw text holds it: no "$", no spaces."""
    return figure.replace("$", "").replace(" ", "")


def _printed_tables(result) -> list:
    """The schedules read from the printed tables (an inline XBRL filing's tagged facts are read too)."""
    return [s for s in result.schedules if s.source == "table"]


def _read_periods(result) -> dict:
    found = {}
    for schedule in _printed_tables(result):
        for period in schedule.periods:
            assert period.fiscal_year not in found, f"two periods of fiscal {period.fiscal_year}"
            found[period.fiscal_year] = (schedule, period)
    return found


def _same_label(read: str, transcribed: str) -> bool:
    """The row's label as printed, or its last part where the transcription
    joins the group captions above it ("Accounts Receivable: Allowances")."""
    ours, theirs = _words(read), _words(transcribed)
    return ours == theirs or (bool(ours) and theirs[-len(ours):] == ours)


@pytest.mark.parametrize("name", _cases("figures"))
def test_every_transcribed_figure_is_read_in_its_period_row_and_column(name):
    expected, at, result = _read(name)
    assert result.error is None, result.error.message
    periods = _read_periods(result)
    transcribed = [p for table in expected["tables"] for p in table["periods"]]
    assert sorted(periods) == sorted(p["year"] for p in transcribed)
    for table in expected["tables"]:
        for tp in table["periods"]:
            schedule, period = periods[tp["year"]]
            assert len(schedule.columns) == len(table["columns"])
            assert [r.is_total for r in period.rows] == [bool(r.get("total")) for r in tp["rows"]], tp["label"]
            for row, tr in zip(period.rows, tp["rows"]):
                where = f"{tp['label']}, {tr['label'] or '(unlabelled)'}"
                assert _same_label(row.label, tr["label"]), (where, row.label)
                assert [c.raw if c else "" for c in row.cells] == [_printed(f) for f in tr["cells"]], where
                cells = [c for c in row.cells if c is not None]
                assert cells[0].line == tr["line"], where
                for cell, line in zip(row.cells, tr.get("cell_lines") or []):
                    assert (cell.line if cell else None) == line, where
                for cell in cells:  # the figure's first character (or its entity) is where the cell says
                    assert html.unescape(at(cell.line, cell.column)[:10])[:1] == cell.raw[0], (where, cell)
                for column, marker in (tr.get("markers") or {}).items():
                    assert row.cells[int(column)].footnote == marker.replace(" ", ""), where


@pytest.mark.parametrize("name", _cases("roles"))
def test_every_column_is_read_in_its_transcribed_role(name):
    expected, _, result = _read(name)
    assert result.error is None, result.error.message
    periods = _read_periods(result)
    for table in expected["tables"]:
        schedule, _ = periods[table["periods"][0]["year"]]
        # The transcription's words of each heading are in the heading read (which may add a
        # spanning "Additions", a column letter or a footnote mark the transcription leaves out).
        read = [set(_words(c.heading)) for c in schedule.columns]
        assert len(read) == len(table["columns"])
        assert all(set(_words(h)) <= words for h, words in zip(table["columns"], read)), (read, table["columns"])
        assert [_role(schedule, c) for c in schedule.columns] == table["column_roles"]


def _role(schedule, column) -> str:
    """The column's part in the row identity, as the transcription names it."""
    if column.effect in ("opening", "closing"):
        return "begin" if column.effect == "opening" else "end"
    if column.effect == "add" or schedule.deductions == "added":
        return "add"  # the signed printed value is added
    return "sub"


@pytest.mark.parametrize("name", _cases("errors"))
def test_no_error_and_each_rounding_difference_is_info(name):
    expected, _, result = _read(name)
    assert result.error is None, result.error.message
    assert [f.message for f in result.findings if f.severity != "info"] == []
    periods = _read_periods(result)
    infos = sorted((f.period, tuple(_words(f.row))) for f in result.findings)
    differences = sorted((periods[int(d["period"])][1].label, tuple(_words(_row_of(periods, d))))
                         for d in expected.get("arithmetic", []))
    assert infos == differences


@pytest.mark.parametrize("name", _cases("errors"))
def test_the_printed_table_alone_gives_no_error(name):
    """Read as printed, without the inline XBRL tags: a tag's sign="-" is the
    fact's, never the print's (a write-off printed "1" tagged sign="-" is 1)."""
    _read(name)  # skips where the filing is absent
    document = next(p for p in sorted((FILINGS / name).iterdir()) if p.suffix not in (".json", ".md"))
    result = auditor.check_source(source.read(str(document)), auditor.load_rules(), sources="table")
    assert result.error is None, result.error.message
    assert [f.message for f in result.findings if f.severity != "info"] == []


def _row_of(periods, difference) -> str:
    """The row's label as read, for a transcribed difference's row."""
    _, period = periods[int(difference["period"])]
    found = [r.label for r in period.rows if _same_label(r.label, difference["row"])]
    assert found, difference
    return found[0]


def _first_digit(line: str, at: int) -> int:
    """Index of the first digit printed at or after `at`, skipping markup and entities."""
    i = at
    while i < len(line):
        if line[i] == "<":
            i = line.index(">", i) + 1
        elif line[i] == "&":
            i = line.index(";", i) + 1
        elif line[i].isdigit():
            return i
        else:
            i += 1
    raise AssertionError("no digit after the cell's position")


SAMPLE = 7  # figures changed per filing, spread over the table (each change re-reads megabytes)


@pytest.mark.parametrize("name", [n for n in NAMES if not WAITS.get(n)])
def test_a_single_wrong_figure_is_found_at_its_cell(name):
    """Figures spread over the table in turn have their first digit changed by 5
    (beyond any rounding) in the file as filed: the file is still read, and an
    error finding is at that cell or reads it."""
    _, _, result = _read(name)
    folder = FILINGS / name
    document = next(p for p in sorted(folder.iterdir()) if p.suffix not in (".json", ".md"))
    encoding = source.read(str(document)).encoding
    lines = document.read_bytes().decode(encoding).replace("\r\n", "\n").split("\n")
    ruleset = auditor.load_rules()
    cells = [c for s in _printed_tables(result) for p in s.periods for r in p.rows for c in r.cells
             if c is not None and c.value is not None]
    assert cells
    missed = []
    for cell in cells[:: max(1, len(cells) // SAMPLE)]:
        line = lines[cell.line - 1]  # the result's columns are the file's own
        i = _first_digit(line, cell.column - 1)
        digit = int(line[i])
        changed = line[:i] + str(digit + 5 if digit <= 4 else digit - 5) + line[i + 1:]
        edited = source.from_text("\n".join(lines[: cell.line - 1] + [changed] + lines[cell.line:]), name)
        found = auditor.check_source(edited, ruleset)
        assert found.error is None, (cell, found.error.message)
        where = (cell.line, cell.column)
        hit = [f for f in found.findings if f.severity == "error"
               and where in [(p.line, p.column) for p in (f.location, *f.related)]]
        if not hit:
            missed.append((cell.raw, where))
    assert missed == []
