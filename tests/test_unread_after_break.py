"""A table right after a schedule's last part that the joins leave apart (s37 unreadwarn, issue 12
part 6): where it can only be the schedule's rows carried on (no headings, a figure for each of the
schedule's columns in every row, each row closing under them) its figures are said unread (VQ007),
never dropped silently; any other table after the schedule (a note's, a balances' table) is no
matter of the schedule's.  Fixtures tests/fixtures/html/thornbury-kiln-2006-rows-apart-after-break-*."""

from __future__ import annotations

import re
from pathlib import Path

import auditor
from auditor import source

HERE = Path(__file__).parent / "fixtures" / "html"
CLEAN = (HERE / "thornbury-kiln-2006-rows-apart-after-break-clean.htm").read_text()
RULES = auditor.load_rules()


def _unread(text: str) -> list[tuple[int, int]]:
    result = auditor.check_source(source.from_text(text, "filing.htm"), RULES)
    assert result.error is None, result.error
    return [(f.location.line, f.location.column) for f in result.findings if f.check == "figures_unread"]


def _after_break(text: str) -> str:
    return text[text.rindex("page-break-after"):]


def test_rows_apart_after_a_break_are_said_unread_figure_by_figure():
    broken = CLEAN.count("\n", 0, CLEAN.rindex("page-break-after")) + 1
    said = _unread(CLEAN)
    assert len(said) == 10 and all(line > broken for line, _ in said)


def test_a_table_after_the_schedule_whose_rows_do_not_close_is_no_matter_of_it():
    at = CLEAN.rindex("page-break-after")
    # (a balances' table: the same columns' count, its rows' last figure not the sum of the others)
    other = CLEAN[:at] + _after_break(CLEAN).replace(">2,062<", ">2,162<").replace(">3,010<", ">3,110<")
    assert _unread(other) == []


def test_a_table_after_the_schedule_on_other_columns_count_is_no_matter_of_it():
    at = CLEAN.rindex("page-break-after")
    fewer = re.sub(r'<td(?: align="right")?>(?:\$|[\d,]+|&#151;)</td>\n</tr>', "</tr>", _after_break(CLEAN))
    assert fewer != _after_break(CLEAN) and _unread(CLEAN[:at] + fewer) == []
