"""A stray figure in a row of no words, in filing software's HTML (stop 28): a
figure in a spacing row's label cell (Workiva's label spans three columns), or
in its spacer column that no heading is over, or a lone figure in a row of its
own under an account's caption row (a block per reserve in one table), or
beside the caption in its row.  No row
of figures reads it; it is never dropped quietly: VQ007 names it at its cell,
and the schedule reads and checks as it does without it.  Over the 24 real
tables: before, 24 + 24 (Workiva) and 8 + 8 (account blocks) silent; now every
one said unread."""

from __future__ import annotations

import json
import re

import pytest

import auditor
from auditor import source
from conftest import SHARED
from test_html_real_tables import _rendered

RULES = auditor.load_rules()
TABLES = sorted((SHARED / "real-tables").glob("*.json"))
STRAY = "9,876"
SPACER = '<tr style="height:6pt"><td colspan="3">&nbsp;</td></tr>'
CAPTION_ROW = re.compile(r'<tr><td colspan="19" style="padding-top:6pt">.*?</tr>\n')


def _spacer(cells: str):
    return lambda text: text.replace(SPACER, f'<tr style="height:6pt">{cells}</tr>', 1) if SPACER in text else None


def _beside_caption(text):
    """The caption row's label cell cut to the label's columns, a figure set after it."""
    m = CAPTION_ROW.search(text)
    if not m:
        return None
    row = m.group(0).replace('colspan="19"', 'colspan="3"', 1).replace("</tr>", f'<td/><td/><td align="right">{STRAY}</td></tr>', 1)
    return text[: m.start()] + row + text[m.end():]


def _under_caption(row: str):
    def edit(text):
        m = CAPTION_ROW.search(text)
        return text[: m.end()] + row + text[m.end():] if m else None
    return edit


STRAYS = {
    ("workiva", "spacing-row-label-cell"): _spacer(f'<td colspan="3">{STRAY}</td>'),
    ("workiva", "spacing-row-unheaded-column"): _spacer(f'<td colspan="3">&nbsp;</td><td>{STRAY}</td>'),
    ("account-blocks-software", "lone-row-label-cell"): _under_caption(f'<tr><td colspan="3">{STRAY}</td></tr>\n'),
    ("account-blocks-software", "lone-row-unheaded-column"):
        _under_caption(f'<tr><td colspan="3"/><td align="right">{STRAY}</td></tr>\n'),
    # (an account's caption row printing a figure: before, read as a row of figures, its caption
    # lost and its block's rows mislabelled, the figure in no cell, silently)
    ("account-blocks-software", "caption-row-figure"): _beside_caption,
}


def _labels(result):
    return [(p.label, r.label) for s in result.schedules for p in s.periods for r in p.rows]


def _check(text):
    return auditor.check_source(source.from_text(text, "t.htm"), RULES, input_format="html")


@pytest.mark.parametrize("style,where", list(STRAYS), ids=[f"{s}-{w}" for s, w in STRAYS])
def test_a_stray_figure_in_a_row_of_no_words_is_said_unread_at_its_cell(style, where):
    edited = 0
    for path in TABLES:
        clean = _rendered(json.loads(path.read_text()), style).text
        text = STRAYS[style, where](clean)
        if text is None:
            continue  # (no spacing row, or one account: no caption row)
        edited += 1
        result, before = _check(text), _check(clean)
        assert result.error is None, (path.stem, str(result.error))
        (unread,) = [f for f in result.findings if f.rule == "VQ007"]
        line = text.split("\n")[unread.location.line - 1]
        assert line[unread.location.column - 1:].startswith(STRAY), path.stem
        assert unread.severity == "warning"
        others = [(f.rule, f.period, f.row, f.column, f.actual) for f in result.findings if f.rule != "VQ007"]
        assert others == [(f.rule, f.period, f.row, f.column, f.actual) for f in before.findings], path.stem
        assert _labels(result) == _labels(before), path.stem
    assert edited >= 8


def test_a_lone_year_row_under_the_label_is_no_stray_figure():
    # The other side: a period's row printing its year alone in the label cell is a caption.
    clean = _rendered(json.loads(TABLES[0].read_text()), "workiva").text
    assert not [f for f in _check(clean).findings if f.rule == "VQ007"]
