"""Habits of whole 2000s HTML and 2019+ inline XBRL 10-Ks around the schedule
(tests/page_habits.py), over the 24 real tables clean and every other one with
a closing balance planted wrong: every printed figure read where printed,
exactly the errors the figures hold, no cell outside the schedule read as a
schedule's, except where pinned here with why.

Fixed in s30:
- title-first-row: the title in the table's first row under the auditor's
  report naming the schedule in a sentence: the sentence was taken for the
  table's title ("the title names 2003": a false VQ warning in 28 of 36 cases
  per era); the table's own title row is its title;
- schedules-iii-iv: Schedule IV's reconciliation of mortgage loans, headed with
  Schedule II's columns under its table of loans, was read as a second Schedule
  II (every case, every era): a table right after a note's or another
  schedule's table, a caption between, is that statement's;
- split-period-continued: the year a page break cut printed again over the rest
  of its rows, "(continued)" after it, opened a second period of that year
  (its total summing the rows after the break: false VQ002s in 8 of 36 cases
  per era); it goes on with the same period.
Fixed in s31:
- page-number-bare, page-number-bare-row, page-number-dashes: a bare page number
  ("32", "- 2 -") alone in a row's label cell or centred across the table was
  said unread (VQ007, every case, every era); it is page furniture, dropped.
Fixed in s34:
- schedules-iii-iv, schedule-iv-next (inline XBRL): Schedule IV's reconciliation
  inside the text block the render tags as Schedule II's was read as an untitled
  schedule (36 of 36); another schedule's heading in the block ends Schedule II's.
Fixed in s35:
- split-period-restated, split-period-restated-bare: the year a page break cut
  printed again as it was over the rest of its rows (no "(continued)") opened
  a second period of that year, the rows before the break left unread or its
  total summing the rows after it (26 of 36 right per era, 9 or 10 wrong); a
  part's caption restating the period its rows before the break are in goes
  on with it (labels.restates_period, as in text).
Fixed in s36:
- note-row-before, note-row-after: a note's roll-forward of the allowance (Schedule II's
  columns), its heading ("NOTE 5. ALLOWANCE FOR DOUBTFUL ACCOUNTS", "Note 7 - Reserves") typed as
  its table's first row, was read as a schedule (36 of 36 per era: before the schedule taken for the
  auditor's report sentence's table, after it for a second schedule); note-after (inline XBRL): the
  note's heading a paragraph over its table after the schedule, inside the page the render tags as
  Schedule II's text block, read as an untitled schedule (36 of 36).  A note's heading in a table's
  first row heads that table as one over it does (locate._titled_a_note), and past the block's
  first table a note's heading ends Schedule II's reach in it.
Fixed in s37:
- note-row-numbered: note-row-after, its heading numbered alone ("5. Reserves", no "Note"): the
  note's table read as a second schedule (36 decoys of 36 per era); a table's first row numbered
  alone heads a note as in text (labels.heads_a_note numbered), where no other block of the table
  is numbered alike and none prints the number as a footnote's marker, and the table is not the
  one right under Schedule II's title (there the number is the schedule's account's).
Fixed in s38:
- note-numbered-after: note-after, its heading numbered alone ("5. Reserves") a paragraph over
  the note's table: read as the schedule's (34 decoys of 36 in html-2003, 36 in ixbrl-2023,
  under "SCHEDULE II (continued)" or in the text block); such a heading right above a table under
  another, marking nothing in it and continuing no run of footnotes, makes the table the note's
  (locate._numbered_note_after_table).
- split-footnote-headed, split-footnote-bare (s38-numpara): the first page's footnotes numbered as
  notes' headings are ("1. Uncollectible accounts written off, net of recoveries.", "2. ...") in
  paragraphs under the first part: with no headings over the rest, the schedule ended at them
  (html-1999 17 wrong + 19 refused of 36, html-2003 12 + 16, ixbrl-2023 22 + 14; the headed split
  read right).  A run of such blocks right under a part, counting from 1 or numbered as the part
  marks them, page furniture under the run, is the page's footnotes, no text between the parts
  (html.breaks.texts_between).  split-footnote-prose-bare: the same footnotes as sentences under
  no number, the same counts before; sentences under which the next page's running head says
  "(continued)" are the page's footnotes too (an account's caption is no sentence).
Fixtures tests/fixtures/html/tamsin-controls-2006-title-row-under-report-*,
hollins-valve-2006-period-restated-after-break-*,
corvina-realty-2005-schedule-iv-after-*, wexford-pumps-2005-period-continued-after-break-*,
kelso-bearings-2005-page-numbers-in-rows-*,
tests/fixtures/xbrl/osier-realty-2023-ixbrl-schedule-iv-in-block-*,
jessamine-fixtures-2023-ixbrl-note-title-row-after-* (s36),
tests/fixtures/html/wren-tooling-2003-numbered-note-row-after (s37),
tests/fixtures/html/wren-tooling-2004-numbered-note-after-page-break (s38),
tests/fixtures/html/heron-castings-2004-numbered-footnotes-at-page-foot,
heron-castings-2004-footnote-sentences-at-page-foot (s38-numpara).
"""

from __future__ import annotations

import pytest

import auditor
from page_habits import ERAS, HABITS, cases, edited, marked, outcome, split_part_period

RULES = auditor.load_rules()
CASES = cases()

# A note's table under a title of Schedule II's words ("Note 6 - Valuation and
# Qualifying Accounts", or that heading alone among the notes) headed with its
# columns is the schedule's information given in the notes: read as a schedule
# of its own, on purpose (its figures checked; here it closes).
DECOYS_READ = {"note-vqa-table", "heading-vqa-table"}
# (Stop 33 to s34: in the inline XBRL render, Schedule IV's reconciliation (Schedule II's columns)
# printed right after the schedule, inside the page the render tags as Schedule II's text block,
# was read as a schedule of its own, untitled: the block's tables were all taken for the schedule's.
# Another numbered schedule's heading in the block ends Schedule II's reach there:
# locate._before_another_schedule.)
# (Until s31 a bare page number, "32" or "- 2 -", alone in a row's label cell or centred across a
# row was a figure placed in no column, said unread (VQ007): 0 right of 36 per era, warned.  Alone
# in a row it is page furniture, dropped like "F-32": html.layout._page_mark_row.)
WARNED: set[str] = set()


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("habit", HABITS)
def test_page_habits_read_right(habit, era):
    wrong, decoys = [], []
    for name, kind, spec in CASES:
        verdict, why, decoy = outcome(spec, era, habit, kind, RULES)
        if verdict != "right" and not (habit in WARNED and "figures_unread" in why and "missed []" in why):
            wrong.append((name, kind, verdict, why[:200]))
        if decoy:
            decoys.append((name, kind))
    assert wrong == [], wrong[:3]
    assert (decoys == []) != (habit in DECOYS_READ), decoys[:3]


@pytest.mark.parametrize("continued, over_headings", [(False, False), (True, False), (False, True)],
                         ids=["restated", "continued", "restated-over-headings"])
@pytest.mark.parametrize("software", ["workiva", "toppan"])
def test_a_periods_caption_again_over_a_software_tables_rows_after_a_page_break_goes_on(software, continued,
                                                                                        over_headings):
    # (filing software's tables, Workiva's one and Toppan's one per period, split after a middle row,
    # the period's caption again over the rest, as it was: a second period of that year before s35,
    # the rows before the break left unread or its total summing those after (Toppan 0 of 31 right,
    # Workiva 6 of 36; so too with the caption over the part's repeated headings); with "(continued)"
    # read right since s30)
    from expect import expected_errors
    from habit_tally import misread
    from render_software import render_software
    from test_html_era_markup import planted
    from test_html_real_tables import SOFTWARE

    from auditor import source

    wrong, read = [], 0
    for name, kind, spec in CASES:
        spec = planted(spec) if kind == "planted" else spec
        rendered = render_software(spec, SOFTWARE[software])
        if split_part_period(marked(rendered).text, continued, over_headings) is None:
            continue  # (no period with two rows in a table of its own, its caption over them)
        rendered = edited(rendered, lambda t: split_part_period(t, continued, over_headings))
        result = auditor.check_source(source.from_text(rendered.text, "t.htm"), RULES)
        verdict = misread(result, rendered, lambda: expected_errors(spec, rendered))
        periods = sum(len(s.periods) for s in result.schedules)
        if verdict is not None or periods != len(spec["periods"]):
            wrong.append((name, kind, verdict, periods))
        read += 1
    assert wrong == [], wrong[:3]
    assert read >= 30


def _numbered_rows(first: str, second: str = "", marker: str = "") -> str:
    """Schedule II under its title, one table, its first row `first` across it (and `second` over
    a second account's rows)."""
    years = ("2003", "2002")
    rows = [["Year ended December 31, " + y, *figures] for y, figures in zip(years, (("1,210", "412", "365", "1,257"),
                                                                                     ("1,034", "388", "212", "1,210")))]
    if second:
        rows += [["Year ended December 31, " + y, *figures] for y, figures in zip(years, (("640", "215", "188", "667"),
                                                                                         ("702", "130", "192", "640")))]
    cells = lambda row: "".join(f"<td>{c}</td>" for c in row)
    body = [f"<tr>{cells(r)}</tr>" for r in rows]
    if second:
        body.insert(2, f'<tr><td colspan="5"><b>{second}</b></td></tr>')
    head = ["", "Balance at Beginning of Year", "Charged to Expense", "Deductions" + marker, "Balance at End of Year"]
    return ('<html><body><p align="center"><b>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</b></p>\n<table>\n'
            f'<tr><td colspan="5"><b>{first}</b></td></tr>\n<tr>{cells(head)}</tr>\n' + "\n".join(body)
            + "\n</table></body></html>\n")


@pytest.mark.parametrize("first, second, marker", [("5. Reserves", "", ""), ("5. Reserves", "", " (5)"),
                                                   ("1. Allowance for doubtful accounts", "2. Inventory reserve", "")])
def test_a_numbered_first_row_of_the_schedules_own_table_is_its_caption(first, second, marker):
    # Right under Schedule II's title, or numbered as a list (each account), or its number a
    # footnote's marker in the table: no note's heading, the schedule read (s37-fnote).
    from auditor import source

    result = auditor.check_source(source.from_text(_numbered_rows(first, second, marker), "t.htm"), RULES)
    assert result.error is None
    assert [sum(len(p.rows) for p in s.periods) for s in result.schedules] == [4 if second else 2]
