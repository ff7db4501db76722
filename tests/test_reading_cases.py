"""The reading stage's small named cases: one YAML file per class of evidence
in tests/reading_cases/ (the model is sqlfluff's std_rule_cases), each case a
few rows of table and what must be read from it.  Every case is rendered as
an EDGAR text exhibit and as an HTML table and read back through the whole
tool: the columns' roles and signs, what each total sums, and the errors
(`check row`), nothing else."""

from pathlib import Path

import pytest
import yaml

import auditor
from render import Layout, render
from render_html import HtmlStyle, render as render_html

CASES = Path(__file__).parent / "reading_cases"


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text())
        for case in doc["cases"]:
            for kind in ("text", "html"):
                yield pytest.param(case, kind, id=f"{doc['class']}-{case['name']}-{kind}")


def spec_of(case) -> dict:
    periods = []
    for label, rows in case["periods"].items():
        periods.append({"label": str(label), "rows": [
            {"label": r[0], "cells": [str(c) for c in r[1:1 + len(case["headings"])]],
             "footnotes": [""] * len(case["headings"]), "is_total": "total" in r[1 + len(case["headings"]):]}
            for r in rows]})
    return {"company": "Case Corporation", "units": "thousands", "columns": ["Description"] + case["headings"],
            "roles": ["label"] + case["read"]["roles"], "periods": periods}


@pytest.mark.parametrize("case,kind", list(_cases()))
def test_reading_case(case, kind, tmp_path):
    spec = spec_of(case)
    path = tmp_path / ("case.htm" if kind == "html" else "case.txt")
    path.write_text(render(spec, Layout()).text if kind == "text" else render_html(spec, HtmlStyle()).text)
    result = auditor.check_file(str(path))
    assert result.error is None, result.error
    (schedule,) = result.schedules
    wanted = case["read"]
    assert [c.role for c in schedule.reading.columns] == wanted["roles"]
    assert [c.sign for c in schedule.reading.columns] == wanted["signs"], [c.basis for c in schedule.reading.columns]
    if "totals" in wanted:
        assert [t.scope for t in schedule.reading.totals] == wanted["totals"]
    errors = sorted(f"{f.check} {f.row}" for f in result.findings if f.severity == "error")
    assert errors == sorted(case.get("errors", []))
    # (A case rendered as text ends at its table: a one-period case's VQ008 says so, not a reading.)
    assert [f.rule for f in result.findings if f.severity == "warning" and f.rule != "VQ008"] == case.get("warnings", [])
