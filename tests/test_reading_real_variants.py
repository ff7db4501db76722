"""The real tables with their headings reworded the ways issue 12 met in real
filings (a misspelling, a glued footnote digit, a direction spanner over a
'charged to' phrase, a sign cue the figures contradict, a blank heading, an
unknown heading over a deduction or another movement): each must still be
read, and give exactly the errors its figures hold (tests/expect.py, from the
transcribed roles and sign convention), in text and in HTML."""

import copy
import json

import pytest

import auditor
from expect import expected_errors, reported_errors
from render import Layout, render
from render_html import HtmlStyle, render as render_html

SHARED = __import__("conftest").SHARED
SUBTRACTING = {"deductions", "writeoffs", "credited_costs", "credited_other"}
NAMED = {"label", "beginning", "ending", "charged_costs"}


def _set(column, heading):
    def edit(spec):
        spec["columns"][column] = heading
    return edit


def variants(spec):
    roles = spec["roles"]
    yield "misspelled", _set(roles.index("beginning"), "Balance at Beginnning of Period")
    adds = [k for k, r in enumerate(roles) if r == "charged_costs"]
    subs = [k for k, r in enumerate(roles) if r in SUBTRACTING]
    others = [k for k, r in enumerate(roles) if r not in NAMED and r not in SUBTRACTING]
    if adds:
        yield "glued-digit", _set(adds[0], "Additions1")
    if subs:
        yield "spanner", _set(subs[0], "Deductions Charged to Costs and Expenses")
        yield "cue", _set(subs[0], "DEDUCTIONS (WRITE-OFFS)")
        yield "blank", _set(subs[0], "")
        yield "unknown-deduction", _set(subs[0], "Misc.")
    if others:
        yield "unknown-movement", _set(others[0], "Currency Movement")


def _cases():
    if not (SHARED / "real-tables").is_dir():
        return
    for path in sorted((SHARED / "real-tables").glob("*.json")):
        for name, _ in variants(json.loads(path.read_text())):
            yield pytest.param(path.stem, name, id=f"{path.stem}-{name}")


@pytest.mark.parametrize("table,variant", list(_cases()))
def test_a_reworded_real_table_gives_exactly_its_errors(shared, tmp_path, table, variant):
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text())
    changed = copy.deepcopy(spec)
    dict(variants(spec))[variant](changed)
    renderings = [("txt", render(changed, Layout(heading_depth=5, dollar="detached")))]
    renderings.append(("htm", render_html(changed, HtmlStyle())))
    for kind, rendered in renderings:
        path = tmp_path / f"exhibit.{kind}"
        path.write_text(rendered.text)
        result = auditor.check_file(str(path))
        assert result.error is None, f"{kind}: {result.error}"
        assert reported_errors(result) == expected_errors(changed, rendered), kind
