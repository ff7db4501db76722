"""What a finding says (issue 12, parts 3, 4 and 6) in every rendered layout,
not only the plain text one tests/test_reading_stability.py changes.

- One wrong figure of a real table, in a layout of each family (text, typed,
  HTML, inline XBRL, the movements as rows, the accounts as columns): the
  errors are exactly those the changed figures hold, the reading is the clean
  table's, and the diagnosis names the changed cell with the original figure
  as its "should be" (or among figures that explain it equally, said so).
  A bounded sample; tests/sweep_findings.py runs every layout and figure.
- A one-row table under a heading that names no direction: said at that
  heading (VQ005), no error that depends on the choice, in text, HTML and
  inline XBRL.
- A title naming a year no period read covers warns (VQ006) in every layout,
  a title printed as the table's own first row too."""

from __future__ import annotations

import json
import re

import pytest

import auditor
from auditor import source
from onefigure import PROBLEMS, SHARED, families, sweep
from render import Layout, render
from test_html_real_tables import SOFTWARE, STYLES, _rendered
from test_real_tables import LAYOUTS, applicable
from test_reading_stability import said_at

TABLES = SHARED / "real-tables"
# A layout of each family; the sample changes one figure of each kind per table (four per table).
SAMPLE = ("text by-account-form-feed", "typed leader-dots tags=no", "html single-cells", "ixbrl workiva",
          "html transposed-far", "ixbrl accounts-as-columns-untitled")


@pytest.mark.parametrize("family", SAMPLE)
def test_one_wrong_figure_is_diagnosed_at_its_cell(shared, family):
    counts, problems = sweep(families()[family], per_kind=1)
    assert problems == []
    assert counts["at the cell"] >= counts["candidates"] > 0, counts


# --- ambiguity is said, not guessed ----------------------------------------------------------------

def _one_row(cells: list[str]) -> dict:
    return {"company": "One Row Industries, Inc.", "units": "thousands", "era_format": "text",
            "columns": ["Description", "Balance at Beginning of Period", "Charged to Costs and Expenses", "Other",
                        "Deductions", "Balance at End of Period"],
            "roles": ["label", "beginning", "charged_costs", "charged_other", "deductions", "ending"],
            "deductions_sign": "positive-subtracted",
            "periods": [{"label": "Year ended December 31, 2003",
                         "rows": [{"label": "Allowance for doubtful accounts", "cells": cells}]}]}


PRINTINGS = {
    "text": lambda s: (render(s, Layout(heading_depth=5, dollar="detached")).text, None),
    "html": lambda s: (_rendered(s, "split").text, "html"),
    "ixbrl": lambda s: (_rendered(s, "ixbrl").text, "html"),
    "ixbrl-software": lambda s: (_rendered(s, "workiva").text, "html"),
}
OTHER = 2  # the "Other" column: an addition or a deduction?


@pytest.mark.parametrize("printing", sorted(PRINTINGS))
@pytest.mark.parametrize("end,errors", [("1,600", 0), ("1,000", 0), ("1,650", 1)],
                         ids=["closes-added", "closes-subtracted", "closes-neither"])
def test_a_column_one_row_cannot_tell_is_said_at_its_heading(printing, end, errors):
    text, kind = PRINTINGS[printing](_one_row(["1,000", "500", "300", "200", end]))
    result = auditor.check_source(source.from_text(text, "one-row." + ("htm" if kind else "txt")), input_format=kind)
    assert result.error is None, result.error
    (schedule,) = result.schedules
    assert said_at(result, schedule, OTHER)
    assert [f.rule for f in result.findings if f.rule == "VQ005"] == ["VQ005"]
    # Closing either way, nothing depends on the choice; closing neither way, the one error both readings give.
    assert [f.check for f in result.findings if f.severity == "error"] == ["row_identity"] * errors


# --- completeness: the years a title names --------------------------------------------------------

YEARS = "FOR THE YEARS ENDED NOVEMBER 30, 2006, 2005 AND 2004"
TITLE = re.compile(r"(?im)VALUATION AND QUALIFYING ACCOUNTS(?= \(in thousands\)|<|[ \t]*$)")


def _printings():
    for name in LAYOUTS:
        yield f"text {name}"
    for name in sorted(STYLES) + sorted(SOFTWARE):
        if STYLES.get(name) is None or STYLES[name].titled:
            yield f"html {name}"


@pytest.mark.parametrize("printing", list(_printings()))
def test_a_title_naming_a_year_no_period_covers_warns_in_every_layout(shared, printing):
    spec = json.loads((TABLES / "chattem-2006.json").read_text())
    spec["periods"] = spec["periods"][:2]  # 2006 and 2005 printed, the title naming 2004 too
    family, name = printing.split(" ", 1)
    rendered = render(spec, applicable(spec, LAYOUTS[name])) if family == "text" else _rendered(spec, name)
    text = TITLE.sub(lambda m: m.group(0) + " " + YEARS, rendered.text, count=1)
    assert text != rendered.text
    result = auditor.check_source(source.from_text(text, "exhibit." + ("txt" if family == "text" else "htm")),
                                  input_format=None if family == "text" else "html")
    assert result.error is None, result.error
    (warning,) = [f for f in result.findings if f.rule == "VQ006"]
    assert "no period of 2004" in warning.message
    # At the printed title, not the page's <title> (a browser's tab: never printed).
    assert "<title>" not in text.splitlines()[warning.location.line - 1]
    assert [f.rule for f in result.findings if f.severity != "info"] == ["VQ006"]
