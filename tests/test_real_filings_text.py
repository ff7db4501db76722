"""The text filings of ../shared/filings, as filed: every figure of the hand
transcription (`expected.json` beside each) read in its period, row and
column with the column's role, nothing else read as a schedule, and no error
finding.  Document by document; skipped where ../shared is absent."""

import json
from decimal import Decimal

import pytest

import auditor
from conftest import SHARED

FILINGS = SHARED / "filings"
TEXT_FILINGS = sorted(p.parent.name for p in FILINGS.glob("*/filing.txt")) if FILINGS.is_dir() else []
EFFECTS = {"begin": "opening", "add": "add", "sub": "subtract", "end": "closing"}


def _printed(raw: str) -> str:
    """A cell as the transcription writes it: no "$", no spaces."""
    return raw.replace("$", "").replace(" ", "")


@pytest.fixture(scope="module")
def read():
    results = {}

    def read(name):
        if name not in results:
            results[name] = auditor.check_file(str(FILINGS / name / "filing.txt"))
        return results[name]

    return read


def test_there_is_a_text_filing_to_read(shared):
    assert TEXT_FILINGS, "no filing.txt under ../shared/filings"


@pytest.mark.parametrize("name", TEXT_FILINGS)
def test_every_transcribed_figure_is_read_in_its_period_row_and_role(shared, read, name):
    expected = json.loads((FILINGS / name / "expected.json").read_text("utf-8"))
    result = read(name)
    assert result.error is None, str(result.error)
    periods = [(p, table) for table in expected["tables"] for p in table["periods"]]
    read_periods = [(p, s) for s in result.schedules for p in s.periods]
    assert len(read_periods) == len(periods), [p.label for p, _ in read_periods]
    for (want, table), (got, schedule) in zip(periods, read_periods):
        assert got.fiscal_year == want["year"]
        assert got.label == want["label"]
        assert [c.effect for c in schedule.columns] == [EFFECTS[r] for r in table["column_roles"]]
        assert schedule.units == expected["units"]
        assert len(got.rows) == len(want["rows"]), [r.label for r in got.rows]
        for want_row, row in zip(want["rows"], got.rows):
            assert row.line == want_row["line"]
            assert (row.kind == "total") == bool(want_row.get("total")), row.label
            # The transcription prefixes a row with its group's caption.
            assert " ".join(want_row["label"].split()).endswith(row.label), row.label
            cells = [_printed(c.raw) if c is not None else "" for c in row.cells]
            assert cells == [_printed(c) for c in want_row["cells"]], row.label
            for cell, printed in zip(row.cells, want_row["cells"]):
                if cell is not None and cell.value is not None:
                    assert cell.value == Decimal(_printed(printed).strip("()")) * (-1 if "(" in printed else 1)


@pytest.mark.parametrize("name", TEXT_FILINGS)
def test_no_error_finding_and_differences_only_as_transcribed(shared, read, name):
    expected = json.loads((FILINGS / name / "expected.json").read_text("utf-8"))
    result = read(name)
    assert result.error is None, str(result.error)
    assert [f.message for f in result.findings if f.severity == "error"] == []
    # Each place the transcription says the printed table does not close is
    # reported (at info: rounding), and no other.
    assert len([f for f in result.findings if f.severity == "info"]) == len(expected["arithmetic"])
