"""A row's first "$" typed at the end of its label's cell, after dot leaders ("Allowance for
doubtful accounts . . . . $" | "1,047"), the unlabelled totals' "$" alone in the label's column
(fixtures/html/_make.py dollar_in_label_cell; ixbrl_habits whole-10k-f-pages-label-dollar): the 24
real tables in three HTML styles give exactly their failures under their own names (s37-agents; main:
26 of 48 right in each style, the totals read as rows labelled "$" and their columns unchecked)."""

import json
import sys
from pathlib import Path

import pytest

import auditor
from auditor import source
from conftest import SHARED
from expect import expected_errors, printed_html_cells, read_cells, reported_errors
from render_html import HtmlStyle, place_sentinels, render
from test_html_era_markup import planted

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "html"))
from _make import dollar_in_label_cell  # noqa: E402

RULES = auditor.load_rules()
STYLES = {"split": HtmlStyle(), "unlabelled-total": HtmlStyle(unlabelled_total=True),
          "reverse": HtmlStyle(reverse=True, heading_rows=2)}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_a_rows_dollar_sign_in_its_label_cell_is_no_word_of_its_label(style):
    wrong = []
    for path in sorted((SHARED / "real-tables").glob("*.json")):
        spec = json.loads(path.read_text())
        for printed in (spec, planted(spec)):
            rendered = render(printed, STYLES[style], sentinels=True)
            rendered.text = dollar_in_label_cell(rendered.text)
            rendered = place_sentinels(rendered)
            result = auditor.check_source(source.from_text(rendered.text, "t.htm"), RULES, input_format="html")
            if result.error is not None:
                wrong.append((path.stem, str(result.error)[:200]))
                continue
            got, want = reported_errors(result), expected_errors(printed, rendered)
            if got != want or read_cells(result.schedules) != printed_html_cells(rendered):
                wrong.append((path.stem, sorted(got - want)[:2], sorted(want - got)[:2]))
    assert wrong == []
