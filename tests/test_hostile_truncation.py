"""A file cut short must not pass clean (issue 16, part 5).

Every fixture is cut after each line inside its schedule (from its first row
to a few lines past its last) and checked: where the whole file has findings,
or more rows than the cut one reads, the cut file must not pass clean (no
error, no warning or error finding).

What a cut leaves as evidence is markup the file opened and never closed
(a table, an HTML document, EDGAR's <DOCUMENT>), a caption, "(continued)" or
<PAGE> announcing more, a last line cut through (no line break after it: the
cuts here are at lines' ends; s44's tests below cut inside lines), or a period
left short of its total (reading/completeness.py, containers.py, cut_short.py).  A text file cut outside any table markup leaves none: an
untagged table (or a <TABLE> closed before the cut) that ends with a
complete period reads as a whole schedule with fewer periods: where it
ends at the table's last row and a single period is read, the VQ008 warning
says so; where two or more are read (a smaller company's whole exhibit
prints two years) or its title names the one it reads (one-year tables),
the cut is named here, not checked.  Every other cut is checked.

The default run tries every third line (each fixture starting at an offset
its name sets, `offset`: a fixture added moves no other file's sample), and every line of the text fixtures in EVERY_LINE (labels wrapped
under a period's caption: a cut between a caption and a label's figures);
AUDITOR_CUTS=all tries every line (about 75 seconds).
"""

from __future__ import annotations

import os
import re
import zlib

import pytest

from auditor import pipeline, source
from auditor.ruleset import rules
from conftest import FIXTURES

FILES = sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "html").glob("*.htm")) + sorted((FIXTURES / "xbrl").glob("*.htm"))
STEP = 1 if os.environ.get("AUDITOR_CUTS") == "all" else 3
# Text fixtures cut at every line: a label wrapped under its period's caption, where a cut after the
# caption or a label's first lines left no trace the sampled lines found (s32: mulberry's line 17).
EVERY_LINE = {f"{name}.txt" for name in (
    "mulberry-chemical-2020-adoption-row-clean", "mulberry-chemical-2020-adoption-row-carry-typo",
    "linnet-coatings-2020-adoption-row-three-line-label-clean",
    "linnet-coatings-2020-adoption-row-three-line-label-charge-typo",
    "bramble-ceramics-2020-adoption-rows-per-account-clean", "dunmore-textile-1997-spaced-zero-nils",
    "ormond-hardware-1994-unbroken-rules-blank-column", "quillon-data-1998-millions-column-letters",
    "wabash-foundry-1995-adding-machine-negatives",
    # (s35 units41: a label wrapped at 80 columns, its first line alone over its figures, cut there)
    "ashcombe-paperboard-1999-labels-wrapped-at-80-clean",
    # (s37 cutgap: a year's caption at a page's foot, a year printed blank, adoptions' rows)
    "kelso-valve-1997-fiscal-year-caption-ends-page", "tilbury-cannery-2001-first-year-printed-blank",
    "fallowmere-tile-2021-adoption-rows-oldest-year-last")}
TABLE_TAG = re.compile(r"<(/?)(table|pre)\b", re.IGNORECASE)
RULESET = rules.load()


def check(text: str, name: str) -> pipeline.FileResult:
    return pipeline.check_source(source.from_text(text, name), RULESET)


def rows(result: pipeline.FileResult) -> int:
    return sum(len(p.rows) for s in result.schedules for p in s.periods)


def clean(result: pipeline.FileResult) -> bool:
    return result.error is None and not any(f.severity in ("error", "warning") for f in result.findings)


def outside_table_markup(text: str) -> bool:
    """Whether a text file ends outside every <TABLE> it opened (or opened none)."""
    tags = TABLE_TAG.findall(text)
    return not tags or tags[-1][0] == "/"


def reads_whole(result: pipeline.FileResult) -> bool:
    """The cut's last schedule reads as a whole one: two periods or more, or
    the one its own title names."""
    schedule = result.schedules[-1]
    return len(schedule.periods) >= 2 or bool(schedule.reading and schedule.reading.years_named)


def offset(name: str, step: int) -> int:
    """Where a file's sampled cuts start, from its name (a checksum, the same on every run and
    machine): not its place in the sorted list, which a fixture added shifts for every file after it."""
    return zlib.crc32(name.encode("utf-8")) % step


def cuts(path) -> list:
    """(line count, text of the file's first lines) for the lines inside its schedule."""
    text = source.decode(path.read_bytes(), str(path))[0]
    whole = check(text, path.name)
    assert whole.error is None, whole.error  # and no false alarm on the whole file
    numbers = [r.line for s in whole.schedules for p in s.periods for r in p.rows]
    lines = text.splitlines(keepends=True)
    step = 1 if path.name in EVERY_LINE else STEP
    start = min(numbers) + offset(path.name, step)
    return whole, [(k, "".join(lines[:k])) for k in range(start, min(len(lines), max(numbers) + 4), step)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_cut_file_never_passes_clean(path):
    whole, cut_files = cuts(path)
    silent = []
    for k, text in cut_files:
        cut = check(text, path.name)
        if clean(cut) and (not clean(whole) or rows(cut) < rows(whole)):
            if path.suffix == ".txt" and outside_table_markup(text) and reads_whole(cut):
                continue  # no evidence in the file or the table: the gap the module's docstring names
            silent.append((k, rows(cut), rows(whole)))
    assert not silent, f"cut after these lines, the file passes clean (line, rows read, rows in all): {silent}"


def test_a_text_table_cut_after_its_first_period_is_warned():
    """Issue 16's example: the halcyon page-break exhibit cut after its first
    period reads clean of errors, and the warning names what may be missing."""
    path = FIXTURES / "halcyon-networks-2003-untagged-page-break.txt"
    lines = path.read_text().splitlines(keepends=True)
    for k in (24, 25):  # right after the "=====" of 2001, and a blank line after it
        cut = check("".join(lines[:k]), path.name)
        assert cut.error is None and not any(f.severity == "error" for f in cut.findings)
        (warning,) = [f for f in cut.findings if f.rule == "VQ008"]
        assert warning.severity == "warning" and warning.location.line == 23
        assert "ends at this table's last period (2001)" in warning.message and "periods after it" in warning.message
    assert not any(f.rule == "VQ008" for f in check("".join(lines), path.name).findings)


def test_the_gap_is_real_and_no_wider():
    """The cuts left unchecked above: the halcyon exhibit cut after its second
    period reads as a whole two-year schedule; cut on the next period's
    caption, its <PAGE> or its "(continued)" title it does not."""
    path = FIXTURES / "halcyon-networks-2003-untagged-page-break.txt"
    lines = path.read_text().splitlines(keepends=True)
    assert clean(check("".join(lines[:32]), path.name))  # after the "=====" of 2002: indistinguishable
    for k, said in ((39, "<PAGE>"), (42, "SCHEDULE II (continued)")):
        error = check("".join(lines[:k]), path.name).error
        assert error is not None and said in error.message and "cut off" in error.message, (k, error)
    caption = "".join(lines[:25]) + "Year ended June 30, 2002\n"  # the next period's caption, no colon
    error = check(caption, path.name).error
    assert error is not None and "'Year ended June 30, 2002'" in error.message and "cut off" in error.message


def test_a_whole_exhibit_of_two_years_or_ending_on_a_date_is_not_warned():
    """A smaller company's exhibit of two years ends at its table as a cut one
    would: no warning; nor is a report's date after the table a caption."""
    whole = check((FIXTURES / "prairie-grain-1996-two-fiscal-years.txt").read_text(), "prairie.txt")
    assert whole.error is None and not any(f.rule == "VQ008" for f in whole.findings)
    dated = (FIXTURES / "lantronix-2003.txt").read_text() + "\n\n    March 15, 2004\n"
    assert check(dated, "lantronix-2003.txt").error is None


def test_an_html_file_cut_between_tables_is_an_error():
    path = FIXTURES / "html" / "willow-gauges-2007-table-per-account-clean.htm"
    lines = path.read_text().splitlines(keepends=True)
    closes = [n for n, line in enumerate(lines, start=1) if line.strip() == "</table>"]
    after_first = "".join(lines[: closes[0]])
    error = check(after_first, path.name).error
    assert error is not None and "<html>" in error.message and "right after the schedule" in error.message
    caption = "".join(lines[: closes[0] + 1])  # the next account's caption, then the end
    error = check(caption, path.name).error
    assert error is not None and "Inventory obsolescence reserve:" in error.message


def test_a_file_ending_inside_a_table_is_an_error_wherever_the_table_is():
    text = (FIXTURES / "lantronix-2003.txt").read_text() + (
        "\n\n     Item 9.  Changes in and disagreements with accountants.  None.\n\n"
        "<TABLE>\n<CAPTION>\n     EXHIBIT INDEX\n</CAPTION>\n<S>     <C>\n3.1     Articles of incorporation\n")
    error = check(text, "lantronix-2003.txt").error
    assert error is not None and "inside a table, in the <TABLE> opened at line 50" in error.message
    assert check(text + "</TABLE>\n", "lantronix-2003.txt").error is None


def test_whole_files_that_end_on_a_form_feed_or_a_rule_pass():
    """A typed filing ends on a form feed (a page ejected), an exhibit on its
    last total's rules: neither is a cut."""
    text = (FIXTURES / "riverbend-paper-1994-crlf.txt").read_text()
    assert check(text, "riverbend.txt").error is None
    assert check(text + "\f\n", "riverbend.txt").error is None


def test_a_file_ending_on_the_next_schedules_title_is_cut_off():
    """Two schedules, each on its page under its own title: the file cut on
    the second's "SCHEDULE II" or "VALUATION AND QUALIFYING ACCOUNTS", with
    no table under it, names the title it ends on (it read clean: the first
    schedule whole, nothing of the second)."""
    path = FIXTURES / "ashby-valve-1996-two-schedules-paged.txt"
    lines = path.read_text().splitlines(keepends=True)
    for k, said in ((27, "'SCHEDULE II'"), (29, "'SCHEDULE II'"), (31, "'VALUATION AND QUALIFYING ACCOUNTS'"),
                    (32, "'VALUATION AND QUALIFYING ACCOUNTS'")):
        error = check("".join(lines[:k]), path.name).error
        assert error is not None and said in error.message and "cut off" in error.message, (k, error)


def test_a_schedules_title_in_a_sentence_or_followed_by_prose_is_no_cut():
    text = (FIXTURES / "acme-tool-1996-clean.txt").read_text()
    for after in ("\n(1) Written off against valuation accounts.\n", "\n     Schedule II is filed herewith.\n",
                  "\n            SCHEDULE II\n\n" + "The registrant has no other schedules to report.\n" * 9):
        assert check(text + after, "acme.txt").error is None, after


@pytest.mark.parametrize("lines,ends_on", [(13, "Inventory obsolescence"), (17, "Allowance for doubtful")])
def test_a_table_of_wrapped_labels_cut_before_a_rows_figures_is_an_input_error(lines, ends_on):
    # (labels wrap above their figures: a file ending on a label's first line, or on the next year and
    # one, has lost that row's figures; the whole file, ending on its footnotes, reads clean)
    path = FIXTURES / "ferris-tool-1997-unruled-blank-column.txt"
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    assert cut.error is not None and f"ends on {ends_on!r}" in cut.error.message
    assert cut.error.line == lines
    assert clean(check(text, path.name))


def test_every_line_set_is_there():
    assert EVERY_LINE <= {p.name for p in FILES}


@pytest.mark.parametrize("name,lines", [("mulberry-chemical-2020-adoption-row-clean", 17),
                                        ("linnet-coatings-2020-adoption-row-three-line-label-clean", 17),
                                        ("linnet-coatings-2020-adoption-row-three-line-label-clean", 18)])
def test_a_file_cut_after_a_periods_caption_and_a_labels_first_lines_is_an_input_error(name, lines):
    # (the label wraps above its figures under the period's caption: the file ends on its first line or
    # two, the period's figures lost; it passed clean, the rows above it read whole)
    path = FIXTURES / f"{name}.txt"
    text = path.read_text().splitlines(keepends=True)
    cut = check("".join(text[:lines]), path.name)
    assert cut.error is not None and "ends on 'Year ended December 31, 2020:'" in cut.error.message
    assert "cut off" in cut.error.message and cut.error.line == lines
    assert clean(check("".join(text), path.name))


def test_a_period_ending_on_a_label_set_level_or_a_date_and_a_signature_is_no_cut():
    # (two lines set level under a caption are no label wrapped; a report's date and a signature's lines after
    # the table are no period's caption: neither is refused)
    path = FIXTURES / "mulberry-chemical-2020-adoption-row-clean.txt"
    head = "".join(path.read_text().splitlines(keepends=True)[:15])
    for tail in ("Year ended December 31, 2020:\n  Cumulative effect of\n  adoption of new\n",
                 "\n    March 15, 2022\n    By John Carver\n        Chief Financial Officer\n"):
        assert check(head + tail, path.name).error is None, tail


def test_a_page_cut_after_its_headings_are_typed_again_is_an_input_error():
    # (untagged and paged: the next page re-types the headings; the file ends on them, its rows lost)
    path = FIXTURES / "pelham-foundry-1995-untagged-paged-blank-column.txt"
    lines = path.read_text().splitlines(keepends=True)
    cut = check("".join(lines[:25]), path.name)
    assert cut.error is not None and "headings with no rows under them" in cut.error.message


def test_rows_by_year_under_the_headings_typed_again_are_no_cut():
    # (a note's roll-forward copying the schedule's headings, its rows labelled by year alone, the
    # file's last table: its rows print no word, and the headings over them were taken for the
    # file's last line, "headings with no rows under them"; tagged and untagged)
    path = FIXTURES / "garth-press-1998-note-by-year-in-schedule-headings-ends-file.txt"
    text = path.read_text()
    whole = check(text, path.name)
    assert clean(whole) and rows(whole) == 2
    untagged = re.sub(r"(?m)^\s*</?(?:TABLE|CAPTION|S|C)>.*\n", "", text)
    untagged = re.sub(r"(?m)^<S> .*\n", "", untagged)
    assert "<S>" not in untagged and "</TABLE>" not in untagged
    whole = check(untagged, path.name)
    assert clean(whole) and rows(whole) == 2, whole.error
    # Guard: untagged, cut right under those headings (their rows lost), the file is still refused.
    lines = untagged.splitlines(keepends=True)
    last_rule = max(k for k, line in enumerate(lines) if line.startswith("-------"))
    cut = check("".join(lines[: last_rule + 1]), path.name)
    assert cut.error is not None and "cut off" in cut.error.message, cut.error


@pytest.mark.parametrize("lines", [12, 15])
def test_a_file_ending_on_its_tables_notes_after_one_period_is_warned(lines):
    # (the last row's label run on below it, or a footnote: still the table the file ends on, so VQ008 says
    # the periods after it may be missing; the whole file reads clean)
    path = FIXTURES / "wrenfield-tool-1995-typed-footnotes-between-rows.txt"
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    assert cut.error is None and [f.rule for f in cut.findings if f.severity != "info"] == ["VQ008"]
    assert clean(check(text, path.name))


def test_a_period_placed_past_the_files_end_is_no_internal_error():
    """A front end may place an uncaptioned period at the line after its last
    (a bare page number on the title line once made such a period, one row on
    the title's line): in a file cut right after the table, that line is past
    the file's end.  refuse_cut_off reads the file's last line for it, not an
    IndexError (exit 3), and the schedule is still the one the file ends at."""
    from dataclasses import replace

    from auditor.reading.completeness import refuse_cut_off

    path = FIXTURES / "halcyon-networks-2003-untagged-page-break.txt"
    text = "".join(path.read_text().splitlines(keepends=True)[:24])
    src = source.from_text(text, path.name)
    (schedule,) = pipeline.check_source(src, RULESET).schedules
    past = len(src.lines) + 1
    assert schedule.reading is not None and schedule.reading.ends_file
    placed = replace(schedule, periods=(*schedule.periods, replace(schedule.periods[-1], line=past)),
                     reading=schedule.reading._replace(ends_file=False))
    (marked,) = refuse_cut_off(src, [placed])
    assert marked.reading is not None and marked.reading.ends_file


@pytest.mark.parametrize("name,lines,ends_on", [
    # (a group's caption naming no account, over the next group's or year's rows: cut right after it)
    ("lindholm-tanning-1996-untagged-captions-naming-no-account-clean.txt", 19, "Deducted from assets"),
    ("lindholm-tanning-1996-untagged-captions-naming-no-account-clean.txt", 21, "Not deducted from assets"),
    ("html/smolt-foundry-2002-caption-naming-no-account-at-page-foot-clean.htm", 60, "Deducted from assets"),
    # (captions placing the reserves under them, no colon: the first year's, and the last year's again)
    ("brackwater-freight-1997-untagged-captions-placing-reserves-clean.txt", 16, "Classified as current liabilities"),
    ("brackwater-freight-1997-untagged-captions-placing-reserves-clean.txt", 18,
     "Reserves included in other liabilities"),
    ("brackwater-freight-1997-untagged-captions-placing-reserves-clean.txt", 27,
     "Reserves included in other liabilities"),
])
def test_a_file_ending_on_a_caption_the_table_printed_over_its_rows_is_cut_off(name, lines, ends_on):
    """A file cut after a caption the table prints over its rows (naming no account) ends on a line
    announcing rows that are not there: an input error naming it (it passed clean, the rows after the
    cut unread); the whole file reads clean."""
    path = FIXTURES / name
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    assert cut.error is not None and f"ends on {ends_on!r}" in cut.error.message and "cut off" in cut.error.message
    assert cut.error.line == lines
    assert clean(check(text, path.name))


def test_a_file_ending_on_a_reserves_label_alone_is_warned():
    """Cut right after a reserve's label printed alone (no figure, no dash), the table is what the file
    ends on (it passed clean, with no warning): VQ008 names the periods that may be missing.  Not an
    input error: a whole real table's last reserve may print its label alone in its last year
    (cik866970-2011's purchase commitments in 2009), the table ending there."""
    path = FIXTURES / "aldermoor-cider-2000-reserve-label-alone-clean.txt"
    lines = path.read_text().splitlines(keepends=True)
    assert lines[15].strip() == "Reserve for inventory obsolescence"
    cut = check("".join(lines[:16]), path.name)
    assert cut.error is None and [f.rule for f in cut.findings if f.severity != "info"] == ["VQ008"]
    assert clean(check("".join(lines), path.name))


def test_a_whole_exhibit_ending_on_a_note_naming_a_reserve_is_no_cut():
    """A note under the table names a reserve too ("Uncollectible accounts written off"), as a sentence
    or a marked footnote: not a label cut from its figures."""
    text = (FIXTURES / "acme-tool-1996-clean.txt").read_text()
    for after in ("\n   Uncollectible accounts written off, net of recoveries\n",
                  "\n(a) Allowance for doubtful accounts\n", "\nThe reserve for obsolescence was increased.\n"):
        assert check(text + after, "acme.txt").error is None, after


def test_an_html_document_cut_under_its_first_tables_notes_is_an_error():
    # (s34, tests/html_cuts.py: one <table> per account, a footnote under each; the document cut after
    # the first table's footnote read its first account clean, the other accounts' rows lost.  A
    # document opened and never closed that ends on footnotes alone is cut off, as one ending on the table)
    refused = FIXTURES.parent / "refused" / "cuts" / "hatherley-instruments-2005-cut-under-first-tables-note.htm"
    text = refused.read_text()
    error = check(text, refused.name).error
    assert error is not None and "right after the schedule" in error.message and "<html>" in error.message
    rest = ('<br><b>Inventory reserve:</b><br>\n<table>\n<tr><td>Year ended September 30, 2005</td>'
            '<td>$</td><td align="right">2,040</td><td>$</td><td align="right">310</td><td>$</td>'
            '<td align="right">275</td><td>$</td><td align="right">{end}</td></tr>\n</table>\n</body>\n</html>\n')
    whole = check(text + rest.format(end="2,075"), refused.name)
    # (read whole; the inventory reserve prints 2005 alone, opening on 2,040: VQ010 says 2004's row is unprinted)
    assert whole.error is None and [(f.rule, f.severity, f.location.line) for f in whole.findings] == [
        ("VQ010", "warning", 16)]
    wrong = check(text + rest.format(end="2,057"), refused.name)
    assert [(f.rule, f.location.line) for f in wrong.findings if f.severity == "error"] == [("VQ001", 16)]
    # The whole document: its footnote is prose before more tables, no cut.
    path = FIXTURES / "html" / "xenon-controls-2002-table-per-account-carry-break.htm"
    whole = path.read_text()
    at = whole.index("(a) Uncollectible accounts written off.") + len("(a) Uncollectible accounts written off.")
    error = check(whole[:at], path.name).error
    assert error is not None and "right after the schedule" in error.message


@pytest.mark.parametrize("lines", [59, 60, 61])
def test_a_submission_cut_under_a_notes_own_table_after_one_year_is_an_error(lines):
    """(s44, the crash sweep's truncation fuzz on ko-1997: one-year tables, each followed by "Note 1 -
    The amounts in Column D consist of the following:" over a table breaking the column down.)  The
    submission cut under the first year's note table, its page number, <DOCUMENT> never closed, read
    the first year clean, the other years lost: a table a note introduces is the note's."""
    path = FIXTURES / "harrow-beverage-1997-one-year-tables.txt"
    text = "".join(path.read_text().splitlines(keepends=True)[:lines])
    error = check(text, path.name).error
    assert error is not None and "right after the schedule" in error.message and "<DOCUMENT>" in error.message


def test_a_note_table_after_the_schedule_ends_no_whole_document():
    """A whole submission ends its document after the note's table: read, no cut."""
    path = FIXTURES / "harrow-beverage-1997-one-year-tables.txt"
    text = "".join(path.read_text().splitlines(keepends=True)[:61]) + "</TEXT>\n</DOCUMENT>\n"
    assert check(text, path.name).error is None


def test_an_html_file_cut_through_the_next_pages_title_is_an_error():
    """(s44 truncation fuzz: a download stops anywhere in a line, not at its end.)  The document cut
    through the next page's "SCHEDULE II (continued)" ("SCHEDULE I", "SCHEDULE II (contin") read its
    first page clean, the rows on the next lost: the words a cut goes through are no prose."""
    path = FIXTURES / "html" / "heron-castings-2004-footnote-sentences-at-page-foot.htm"
    text = path.read_text()
    title = text.index("SCHEDULE II (continued)")
    for at in range(title + 1, title + len("SCHEDULE II (continued)") + 1):
        cut = check(text[:at], path.name)
        assert not clean(cut), (at, text[title:at])
    # A document never closed that goes on in prose past the schedule's page, its last line with no
    # line break after it, reads (the lines before the cut one say it is no page's foot).
    whole = (FIXTURES / "html" / "willow-gauges-2007-table-per-account-clean.htm").read_text()
    prose = "".join(f"\n<p>Item {n}. The company has nothing to report under this item.</p>" for n in (10, 11, 12, 13))
    assert check(whole.replace("</body>", "").replace("</html>", "").rstrip() + prose, "willow.htm").error is None


@pytest.mark.parametrize("name,cut_after", [
    ("brackenridge-valve-1997-dated-rows-clean", "$ 1,215\n  Year ended December 31, "),  # a dated row's date
    ("ashcombe-valve-1998-untagged-rule-under-group-caption", "249\n\nYEAR ENDED SEPTE"),  # the next year's caption
    ("brackwater-freight-1997-untagged-captions-placing-reserves-clean", "  Claims reserve                          1,980"),
    ("kestrel-tool-1994-untagged-last-label-wrapped-misfooted", "412\n  ac")])  # a label's last line
def test_a_text_file_cut_through_a_line_after_the_schedules_rows_is_an_error(name, cut_after):
    """(s44 truncation fuzz: a download stops anywhere in a line.)  Cut through the line under a
    period's last row, the file read its rows so far clean (the rows cut, later years lost): the
    words cut, no line break after them, are no prose."""
    text = (FIXTURES / f"{name}.txt").read_text()
    error = check(text[: text.index(cut_after) + len(cut_after)], name).error
    assert error is not None and "the file ends" in error.message and "cut off" in error.message


def test_a_text_file_cut_through_its_last_rows_figures_is_an_error():
    """Cut through a period's total ("750   586   40   635" of "... 635   741"), the row read with its
    closing blank, the file clean: its last column lost to the cut.  Cut after the closing, the row is whole."""
    name = "dunmore-textile-1997-spaced-zero-nils"
    text = (FIXTURES / f"{name}.txt").read_text()
    at = text.index("635        741") + len("635    ")
    error = check(text[:at], name).error
    assert error is not None and "ends inside the row" in error.message and "cut off" in error.message
    assert check(text[: at + len("    741")], name).error is None


@pytest.mark.parametrize("name,cut_after,ends_on", [
    ("fenwick-chemical-2001-untagged-small-negatives-na-nils-ending-typo", "\n\nYEAR ENDED JUNE 30, 2000\nA",
     "'YEAR ENDED JUNE 30, 2000'"),
    ("pembrook-optical-2006-two-blanks-group-captions-clean", "\n\n\nDeducted from assets:\n\n\nAllowance for doub",
     "'Deducted from assets:'")])
def test_a_text_file_cut_through_the_line_under_a_caption_is_an_error(name, cut_after, ends_on):
    """The line cut under a year's or a group's caption ("YEAR ENDED JUNE 30, 2000" over "A"): the
    file ends on the caption, as it would cut at the caption's line break."""
    text = (FIXTURES / f"{name}.txt").read_text()
    error = check(text[: text.rindex(cut_after) + len(cut_after)], name).error
    assert error is not None and ends_on in error.message and "cut off" in error.message


def test_a_whole_exhibit_with_no_line_break_after_its_last_sentence_or_note_reads():
    text = (FIXTURES / "acme-tool-1996-clean.txt").read_text()
    for after in ("\n(1) Written off against valuation accounts", "\nThe reserve for obsolescence was increased."):
        assert check(text + after, "acme.txt").error is None, after


@pytest.mark.parametrize("name,inside", [("basalt-shipping-2016-years-as-columns-captions-only", "</b"),
                                         ("basalt-shipping-2016-years-as-columns-captions-only", "</b></font></p"),
                                         ("delta-looms-2005-years-as-columns-table-per-account", "</b></span></p")])
def test_an_html_file_cut_inside_the_tag_after_a_sections_caption_is_an_error(name, inside):
    """A download stopped mid-tag right after a section's caption ("<b>Total:</b"): the unfinished
    tag is markup, not prose, and the caption is what the file ends on (s35: html_cuts.py with
    AUDITOR_CUTS=all found such cuts passing clean, 6 rows read of 9, 9 of 12)."""
    path = FIXTURES / "html" / f"{name}-clean.htm"
    text = path.read_text()
    at = text.index("Total:</b>", text.index("</table>")) + len("Total:") + len(inside)
    error = check(text[:at], path.name).error
    assert error is not None and "ends on 'Total:'" in error.message


def test_html_cut_at_its_tables_tags_never_passes_clean():
    """tests/html_cuts.py on a sample of the HTML fixtures (a different one each day; the script runs all)."""
    import datetime

    import html_cuts

    files = html_cuts.FILES
    start = datetime.date.today().toordinal() % 16
    silent = {p.name: html_cuts.silent_cuts(p, i)[1] for i, p in enumerate(files) if i % 16 == start}
    assert len(silent) >= 15 and not any(silent.values()), {k: v for k, v in silent.items() if v}


@pytest.mark.parametrize("name,caption", [("elm-retail-2008-page-break", "Year ended December 31, 2007:"),
                                          ("fjord-marine-2009-continuation-carry", "Year ended December 31, 2008:")])
def test_an_html_file_cut_inside_the_tag_after_a_period_caption_closing_its_table_is_an_error(name, caption):
    """A download stopped mid-tag ("<p ") after a period's caption that is its table's last row, at
    a page break: the caption is what the file ends on (s35 hostile35 found these cuts refused,
    elm-retail at character 3280 and fjord-marine at 2851, and left them unpinned)."""
    path = FIXTURES / "html" / f"{name}.htm"
    text = path.read_text()
    at = text.index("<p ", text.index(caption)) + len("<p ")
    error = check(text[:at], path.name).error
    assert error is not None and f"ends on '{caption}'" in error.message


def test_a_files_sampled_cuts_stay_when_a_fixture_is_added(monkeypatch):
    """The default sample's offset is the file's name's, not its place in the sorted list: a fixture
    added ahead of a file moved every later file's sample (s36: a gap found only once the sample moved)."""
    import sys

    path = FIXTURES / "acme-tool-1996-clean.txt"
    assert path.name not in EVERY_LINE
    before = [k for k, _ in cuts(path)[1]]
    monkeypatch.setattr(sys.modules[__name__], "FILES", [FIXTURES / "aaa-added-2026.txt", *FILES])
    assert [k for k, _ in cuts(path)[1]] == before


@pytest.mark.parametrize("name,lines,missing", [
    # (periods printed oldest first: the last year stops short of a reserve the year before closed with)
    ("thornbury-gauge-1995-quadruple-spaced-second-line-clean", 36, "'Reserve for warranty costs', which "
                                                                    "'Year ended March 31, 1993' closed with 1,066"),
    # (newest first: the last, oldest year stops short of a reserve the year after opened with)
    ("westbrook-tool-1997-untagged-first-caption-over-headings-rule", 14, "'Reserve for obsolescence', which "
                                                                          "'YEAR ENDED DECEMBER 31, 1997' opened with 2,310"),
    # (a label cut before its wrapped second line: "Allowance for doubtful" is the other year's row)
    ("kestrel-tool-1994-untagged-last-label-wrapped", 21, "'Reserve for inventory obsolescence'"),
    # (ormsby-freight-1996 cut right after the total printed above its reserves: refused since s48-cuts4,
    # test_a_file_ending_on_a_total_that_heads_its_block_is_an_input_error)
])
def test_a_file_cut_inside_its_last_period_is_warned(name, lines, missing):
    """A file cut inside its last period, after a reserve or two (no total under the periods to miss),
    read clean: two periods or more read, the rows after the cut lost with no trace (s36: AUDITOR_CUTS=all
    found 285 such cuts of the text fixtures, 126 left).  The period next to it in time carries a balance
    to or from a reserve the last period prints no row for: VQ008 says the rows after it may be missing.
    The whole file reads clean."""
    path = FIXTURES / f"{name}.txt"
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    assert cut.error is None
    (warning,) = [f for f in cut.findings if f.severity != "info"]
    assert warning.rule == "VQ008" and f"prints no row for {missing}" in warning.message, warning.message
    assert clean(check(text, path.name))


@pytest.mark.parametrize("name,lines,block", [
    ("bristol-appliance-1996-double-spaced-account-captions", 24, "'Warranty'"),
    ("bristol-appliance-1996-double-spaced-account-captions", 33, "'Restructuring'"),
    ("garland-cutlery-1995-untagged-running-head-between-accounts", 23, "'Reserve for inventory obsolescence'"),
    ("harlow-paper-1996-account-captions-without-colon", 20, "'Reserve for inventory obsolescence'"),
    ("marston-valve-1997-page-number-on-title-line", 19, "'Reserve for inventory obsolescence'"),
])
def test_a_file_cut_inside_its_last_reserves_block_is_warned(name, lines, block):
    """A table printing each reserve's years as a block of rows, cut after the last block's first
    year: the blocks above print three years, the last one, and the year it opens on a balance the
    year before closed with and prints no row for.  Main said VQ010 (an unprinted balance), or nothing
    (cut_habits counted it silent); VQ008 says the file may be cut inside the block (s39-cuts)."""
    path = FIXTURES / f"{name}.txt"
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    assert cut.error is None
    (warning,) = [f for f in cut.findings if f.severity != "info"]
    assert warning.rule == "VQ008" and f"in the block of {block}, which prints 1 of the 3 periods" in warning.message, \
        warning.message
    assert clean(check(text, path.name))


def test_a_last_period_leaving_out_a_reserve_with_no_balance_is_not_warned():
    """A reserve begun in a later year (its balance at beginning nil) is no row the year before lost:
    tamarack's warranty reserve opens 1998 at "—(a)", so 1997 cut after its one reserve is not warned."""
    path = FIXTURES / "tamarack-tool-1999-last-row-nils-marked-clean.txt"
    cut = check("".join(path.read_text().splitlines(keepends=True)[:23]), path.name)
    assert not any(f.rule == "VQ008" for f in cut.findings)


@pytest.mark.parametrize("name,lines,ends_on", [
    # (the last row's first figure printed beside its label, its balance at end folded onto the line below)
    ("pembrook-optical-2006-two-blanks-group-captions-clean", 43, "Reserve for product returns 215"),
    ("granite-falls-dairy-2002-one-figure-row-balance-below", 25, "Reserve for obsolete packaging 215"),
])
def test_a_row_cut_before_the_figures_it_folds_below_is_an_input_error(name, lines, ends_on):
    """A table whose rows print their balance at end on the line below their own, the file cut
    between the two: the row's label and first figure are the file's last line, read as no row
    (s36 cuts2: both passed clean, the figure neither read nor reported).  The file ends on a row
    the table goes on past; the whole file, and each cut after a row's folded line, read clean."""
    path = FIXTURES / f"{name}.txt"
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    assert cut.error is not None and f"ends on {ends_on!r}" in cut.error.message, cut.error
    assert cut.error.line == lines
    assert check("".join(text.splitlines(keepends=True)[:lines + 1]), path.name).error is None
    assert clean(check(text, path.name))


@pytest.mark.parametrize("name,lines", [
    ("pembrook-optical-2006-two-blanks-group-captions-clean", 54),
    ("larkspur-mill-2003-every-balance-folded-below-clean", 17),
    ("larkspur-mill-2003-every-balance-folded-below-clean", 22),
    ("larkspur-mill-2003-every-balance-folded-below-clean", 31),
])
def test_a_row_cut_before_its_folded_balance_is_an_input_error_not_a_false_error(name, lines):
    """A table whose rows print their balance at end alone on the line below their other figures,
    the file cut between the two: the row is read, its balance at end blank (s37 cutfold: read as
    0, false VQ001 and VQ003 errors, nothing said of the cut).  Every other row folds that column
    below: the file ends on a row that lost it.  The cut one line on reads
    with no error (VQ008 may warn of the periods left), the whole file clean."""
    path = FIXTURES / f"{name}.txt"
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    assert cut.error is not None and "no figure in its last column" in cut.error.message, (cut.error, cut.findings)
    assert cut.error.line == lines
    on = check("".join(text.splitlines(keepends=True)[:lines + 1]), path.name)
    assert on.error is None and not any(f.severity == "error" for f in on.findings)  # (VQ008 may warn)
    assert clean(check(text, path.name))


@pytest.mark.parametrize("name,lines", [
    ("quarry-lime-1996-untagged-period-captions-below", 22), ("quarry-lime-1996-untagged-period-captions-below", 30),
    ("fernhollow-brick-1998-captions-below-ending-exhibit-clean", 21),
    ("fernhollow-brick-1998-captions-below-ending-exhibit-clean", 23),
    ("fernhollow-brick-1998-captions-below-ending-exhibit-clean", 29),
])
def test_a_table_captioned_below_its_rows_cut_before_a_caption_is_an_input_error(name, lines):
    """Each year's caption printed under its rows and the total's rules, the file cut before the
    last caption: read with the captions above their rows, the first year uncaptioned and each
    caption on the year after's rows, nothing said (s37 cutfold).  The captions sit tight under
    the rows before them, a blank line under them, the first year has none: the file is refused.
    The whole file reads clean."""
    path = FIXTURES / f"{name}.txt"
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    assert cut.error is not None and "captions are printed under their rows" in cut.error.message, (cut.error, cut.findings)
    assert cut.error.line == lines
    assert clean(check(text, path.name))


@pytest.mark.parametrize("lines,said", [(37, "1 total, the last row no total"), (38, "1 total, the last row no total"),
                                        (39, "2 totals, the last row a total"), (40, "2 totals, the last row a total")])
def test_a_grouped_table_cut_before_its_last_periods_totals_is_an_input_error(lines, said):
    """A table of groups, each closed by its total and the period by a grand total: the file cut
    inside its last period's last group, or after its total and before the grand total, read clean
    (s36 cuts2: a total printed above the cut was all the old check asked of the period).  The periods
    before close on a total, the last does not, or prints every reserve and fewer totals.  Cut after
    the first group's total (its reserves fewer: a whole oldest year may print one group) VQ008 warns."""
    path = FIXTURES / "halloran-instrument-1998-groups-totalled-total-alike-clean.txt"
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    assert cut.error is not None and f"has {5 if lines < 39 else 6} rows and {said}" in cut.error.message, cut.error
    warned = check("".join(text.splitlines(keepends=True)[:34]), path.name)
    assert warned.error is None and [f.rule for f in warned.findings if f.severity != "info"] == ["VQ008"]
    assert clean(check(text, path.name))


def test_a_last_period_leaving_out_a_reserve_above_one_it_prints_is_not_warned():
    """A whole exhibit whose last year prints no row for a reserve the year before closed with a
    balance, above a reserve it does print (merged into another, sold, or the accounts printed in
    another order): no cut leaves a row out between two kept, so nothing is warned.  Thornbury's
    1995 printed without its allowance, its warranty reserve still there (s36 review: VQ008 warned
    "prints no row for 'Allowance for doubtful accounts'" of the whole file)."""
    path = FIXTURES / "thornbury-gauge-1995-quadruple-spaced-second-line-clean.txt"
    lines = path.read_text().splitlines(keepends=True)
    at = next(k for k, ln in enumerate(lines) if "Allowance for doubtful accounts   $   2,188" in ln)
    end = next(k for k in range(at, len(lines)) if "2,235" in lines[k])
    whole = check("".join(lines[:at] + lines[end + 1:]), path.name)
    assert whole.error is None and len(whole.schedules[0].periods) == 3
    assert not any(f.rule == "VQ008" for f in whole.findings), [f.message for f in whole.findings]


@pytest.mark.parametrize("lines", [33, 34, 40, 42, 43])
def test_a_file_cut_inside_headings_wrapped_and_typed_again_after_a_page_is_an_input_error(lines):
    """The headings typed again after a <PAGE>, wrapped at 80 by the filer's software, the file cut
    among them: its last line a heading's rest ("of period"), the column letters' "COLUMN G", or the
    rule under them.  The run of lines typed as above the first row, one naming a heading or three
    Rule 12-09 letters, is what the file ends on (s36: passed clean, the later years lost)."""
    path = FIXTURES / "tallisker-fabrics-1997-rows-wrapped-twice-at-80-clean.txt"
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    assert cut.error is not None and "headings with no rows under them" in cut.error.message, cut.error
    assert clean(check(text, path.name))


@pytest.mark.parametrize("name,lines,said", [
    # A year's caption alone at a page's foot ("Fiscal 1997", "1996"), its rows under the headings typed
    # again on the next page: the first period's caption, no subtitle naming the one year read.
    ("kelso-valve-1997-fiscal-year-caption-ends-page", 24, "VQ008"),
    ("kelso-valve-1997-fiscal-year-caption-ends-page", 26, "VQ008"),
    ("dunmore-pump-1996-year-caption-ends-page", 24, "VQ008"),
    # A first year printed blank (labels over no figure) closes on no total and is no measure of a cut.
    ("tilbury-cannery-2001-first-year-printed-blank", 22, "VQ008"),
    ("tilbury-cannery-2001-first-year-printed-blank", 26, "VQ008"),
    ("tilbury-cannery-2001-first-year-printed-blank", 29, "has 1 row and no total"),
    ("tilbury-cannery-2001-first-year-printed-blank", 31, "has 2 rows and no total"),
    ("quarrystone-bottling-2000-first-year-printed-blank", 30, "has 2 rows and no total"),
    # A standard's adoption printed as a row of its own counts no reserve the year before prints.
    ("fallowmere-tile-2021-adoption-rows-oldest-year-last", 24, "(2 a standard adoption) and no total"),
    ("bramble-ceramics-2020-adoption-rows-per-account-clean", 29, "(2 a standard adoption) and no total"),
])
def test_a_cut_the_reading_once_passed_clean_is_said(name, lines, said):
    """Cuts that read clean before s37 (tests/cut_habits.py lists every silent cut of the text
    fixtures): each is now an input error or the VQ008 warning; the whole file reads clean."""
    path = FIXTURES / f"{name}.txt"
    text = path.read_text()
    cut = check("".join(text.splitlines(keepends=True)[:lines]), path.name)
    if said == "VQ008":
        assert cut.error is None and [f.rule for f in cut.findings if f.severity != "info"] == ["VQ008"], cut.findings
    else:
        assert cut.error is not None and said in cut.error.message and "cut off" in cut.error.message, cut.error
    assert clean(check(text, path.name))


@pytest.mark.parametrize("ending", ["-----END PRIVACY-ENHANCED MESSAGE-----", "/s/ John Smith", "See accompanying notes",
                                    "Uncollectible accounts written off, net of recoveries", "EXHIBIT 23"])
def test_a_whole_file_whose_last_line_shows_no_cut_reads(ending):
    """A whole file may end without a line break after its last line: an EDGAR envelope's trailer, a
    signature, a note with no full stop.  Words that print no row's figures and start no longer line
    above (as a title, caption or label printed again would) show no cut: read as with the break."""
    path = FIXTURES / "acme-tool-1996-clean.txt"
    text = path.read_text().rstrip() + "\n\n" + ending
    assert check(text, path.name).error is None
    assert check(text + "\n", path.name).error is None


def test_a_submission_ending_on_its_envelopes_trailer_with_no_line_break_reads():
    path = FIXTURES / "harrow-beverage-1997-one-year-tables.txt"
    text = path.read_text()
    assert text.rstrip().endswith("-----END PRIVACY-ENHANCED MESSAGE-----")
    assert check(text.rstrip(), path.name).error is None


REFUSED_CUTS = FIXTURES.parent / "refused" / "cuts"


def _cut_in_figure(path, line: int, figure: str, keep: int) -> str:
    """The file's text up to line `line`'s last `figure`, only its first `keep` characters kept."""
    lines = path.read_text().splitlines(keepends=True)
    at = lines[line - 1].rindex(figure)
    return "".join(lines[: line - 1]) + lines[line - 1][: at + keep]


@pytest.mark.parametrize("name,line,figure", [
    ("harlow-paper-1996-account-captions-without-colon.txt", 21, "845"),
    ("harrow-marine-1995-untagged-label-column-heading.txt", 17, "512"),
    ("amesbury-loom-1997-dated-rows-year-like-balances-charge-off.txt", 12, "1953"),
    # (years as columns: the cut goes through 1996's balance at end, the first of its line)
    ("halsted-gear-1995-years-as-columns-blank-one-word-movement.txt", 16, "881"),
    # (a row wrapped at 72 columns, its figures on the line under its label)
    ("tilbrook-cosmetics-2013-figures-wrapped-off-label-at-72-clean.txt", 17, "52,521"),
])
def test_a_file_cut_inside_its_last_rows_balance_at_end_is_an_input_error(name, line, figure):
    """(s45 cuts2; s44's truncation fuzz: 10 text cuts read with error findings of this class.)  A download
    stopped inside the last row's balance at end ("845" cut to "8" or "84"), no line break after it: the
    row read with a balance the filing never printed, and VQ001/VQ003 claimed the filing wrong.  The row
    does not close and its figure is the first digits of the balance its opening and movements make: the
    file is cut, refused naming the row.  Cut right after the whole figure, the rows read as printed."""
    path = FIXTURES / name
    for keep in range(1, len(figure)):
        if not figure[keep - 1].isdigit():
            continue
        cut = check(_cut_in_figure(path, line, figure, keep), path.name)
        assert cut.error is not None, (keep, cut.findings)
        if "," not in figure[:keep]:  # ("52,5" is no figure the grammar reads: refused as it was)
            assert "first digits of" in cut.error.message and "cut off" in cut.error.message, (keep, cut.error)
            assert cut.error.line == line
    whole_figure = check(_cut_in_figure(path, line, figure, len(figure)), path.name)
    assert whole_figure.error is None or "first digits of" not in whole_figure.error.message


def test_a_cut_exhibit_ending_inside_its_last_balance_is_refused():
    """The class's fixture (a made-up company): its last row, 1994's inventory reserve, cut to "1" of
    "1,108".  It read with two errors about a figure the filing never printed (VQ001 on the row, VQ003
    on 1995's opening); whole, it reads clean."""
    path = REFUSED_CUTS / "quenby-brass-1996-cut-inside-last-balance.txt"
    text = path.read_text()
    assert not text.endswith("\n")
    cut = check(text, path.name)
    assert cut.error is not None and cut.error.line == 23
    assert "'Inventory obsolescence reserve'" in cut.error.message and "'1', the first digits of the 1,108" in cut.error.message
    assert clean(check(text + ",108\n", path.name)) and clean(check(text + ",108", path.name))


@pytest.mark.parametrize("closing", ["1,180", "1,801", "108", "2,108"])
def test_a_whole_file_whose_last_balance_is_wrong_still_gets_its_finding(closing):
    """A filing's last row simply wrong, no line break after it: a figure whole ("1,180", a typo) or one that
    is not the first digits of the balance the row makes ("108" of 1,108 is its last ones) shows no cut:
    VQ001 says the row does not close, as with the line break."""
    text = (REFUSED_CUTS / "quenby-brass-1996-cut-inside-last-balance.txt").read_text()[:-1] + closing
    for whole in (text, text + "\n"):
        result = check(whole, "quenby.txt")
        assert result.error is None and ("VQ001", 23) in {(f.rule, f.location.line) for f in result.findings}, whole[-20:]


@pytest.mark.parametrize("lines,ending,said", [
    (17, "Inventory obsolescence reserve         1,14", "'Inventory obsolescence reserve 1,14'"),
    (17, "Inventory obsolescence reserve         1,", "'Inventory obsolescence reserve 1,'"),
    (17, "Allowance for doubtful accounts   $      731  $", "'Allowance for doubtful accounts $ 731 $'"),
])
def test_a_file_cut_through_a_rows_first_figure_is_an_input_error(lines, ending, said):
    """(s45 cuts2.)  The next row cut through its first figures: in its thousands ("1,14" of "1,142", a
    grouping no figure prints) or right after its next figure's dollar sign.  The row is no row the
    reading takes, so the rows above read alone (VQ006: the title's years not all read) with no word of
    the cut; the line's words show it: refused."""
    path = FIXTURES / "pellworth-supply-1995-untagged-uncaptioned-years-spaced-negatives-hanging-clean.txt"
    text = "".join(path.read_text().splitlines(keepends=True)[:lines - 1]) + ending
    cut = check(text, path.name)
    assert cut.error is not None and said in cut.error.message and "cut off" in cut.error.message, cut.error


@pytest.mark.parametrize("sources", ["both", "xbrl"])
def test_an_inline_xbrl_document_cut_inside_its_last_rows_fact_is_an_input_error(sources):
    """(s45 cuts2: the fixtures' truncation fuzz, 536 cuts of the 67 inline XBRL fixtures inside their
    schedules: 519 read with findings, the cut table set aside and its facts checked instead, a
    balance the cut left unmatched claimed wrong.)  An inline XBRL document is XHTML: a whole one
    closes its <html>, so one ending inside it is cut, its facts as its table: refused."""
    path = FIXTURES / "xbrl" / "alder-mills-2023-ixbrl-own-concept-clean.htm"
    text = path.read_text()
    last = text.rindex(">10,530</ix:nonFraction>") + len(">10,5")
    for at in (last, text.index("</table>", last) + len("</table>"), text.rindex("</html>")):
        cut = pipeline.check_source(source.from_text(text[:at], path.name), RULESET, sources=sources)
        assert cut.error is not None and "<html> opened at line" in cut.error.message, (at, cut.findings)
        assert "cut off" in cut.error.message and not cut.findings
    assert clean(pipeline.check_source(source.from_text(text, path.name), RULESET, sources=sources))
    # (an EDGAR submission's later exhibit leaving its own <html> open: the facts' document is whole)
    later = text + "\n<html><body><p>Exhibit 21</p>\n"
    assert pipeline.check_source(source.from_text(later, path.name), RULESET, sources=sources).error is None


def test_an_html_file_cut_inside_its_last_rows_cell_is_an_input_error():
    """(s45 cuts2: checked, as main did) An HTML table cut inside its last row's last cell, no closing tag
    after it, ends inside the table it opened: refused, as a cut inside any other cell."""
    path = FIXTURES / "html" / "acme-tools-2004-clean.htm"
    text = path.read_text()
    cell = text.rindex("</td>", 0, text.rindex("</table>"))
    for at in (cell - 1, cell):
        cut = check(text[:at], path.name)
        assert cut.error is not None and "the file ends inside the Schedule II table" in cut.error.message
        assert "cut off" in cut.error.message


RUNNING_HEAD_NOTES = ("merrowdale-hosiery-1997-notes-after-page-under-running-head-clean.txt",
                      "html/hollinsby-pump-2008-notes-after-page-break-under-running-head-clean.htm")


@pytest.mark.parametrize("name", RUNNING_HEAD_NOTES)
def test_a_running_head_over_the_schedules_notes_alone_is_no_cut(name):
    """(s45-runninghead.)  The schedule's last rows end a page, its notes run over onto the next under
    the title typed again ("SCHEDULE II (continued)"), then only the notes, one naming the "(1)" its
    rows print: the head announces no rows (2b389ce6 refused each as cut off at the head)."""
    text = (FIXTURES / name).read_text()
    assert check(text, name).error is None
    # The head as two lines, "SCHEDULE II" over "(Continued)"; the notes lettered, as a head's own words are.
    two_lines = re.sub(r"SCHEDULE II( &#8212; VALUATION AND QUALIFYING ACCOUNTS)? \(continued\)",
                       lambda m: "SCHEDULE II</b></p>\n<p>(Continued)<b>" if name.endswith(".htm") else "SCHEDULE II\n(Continued)",
                       text)
    assert two_lines != text and check(two_lines, name).error is None
    lettered = text.replace("(1)", "(c)")
    assert check(lettered, name).error is None
    # Lettered, one line of note, the company's name over the head: after <PAGE>, all a running head's lines.
    named = re.sub(r"\n *SCHEDULE II \(continued\)", "\n  MERROWDALE HOSIERY MILLS, INC.\\g<0>", lettered)
    named = named.replace(",\n    charged to the purchase price.", ".")
    assert check(named, name).error is None


@pytest.mark.parametrize("name", RUNNING_HEAD_NOTES)
def test_a_running_head_over_notes_of_no_printed_marker_or_a_document_cut_under_them_is_cut_off(name):
    """The head over a note naming no marker the rows print ("(3)": another table's, the page's rows
    lost) still shows the cut; so does the head over the notes in an HTML document never closed."""
    text = (FIXTURES / name).read_text()
    other = text.replace("(1) ", "(3) ").replace("(a) Accounts", "(4) Accounts")
    error = check(other, name).error
    assert error is not None and "(continued)" in error.message and "cut off" in error.message
    if name.endswith(".htm"):
        error = check(text[: text.index("</body>")], name).error
        assert error is not None and "right after the schedule" in error.message


ONE_LINE_NOTES = ("html/quillane-valve-2009-notes-after-page-break-on-one-source-line-under-running-head-clean.htm",
                  "html/tamsworth-cable-2023-ixbrl-on-few-lines-notes-after-page-break-under-running-head-clean.htm")


def _layouts(text: str) -> dict[str, str]:
    """An HTML file as filing software may cut it into source lines: as it is, all after the table on one
    line, the whole file on one line (the table's last row and all after it sharing a line)."""
    table = text.rindex("</table>")
    return {"as is": text, "tail on one line": text[:table] + text[table:].replace("\n", ""),
            "one line": text.replace("\n", "")}


@pytest.mark.parametrize("name", ONE_LINE_NOTES + RUNNING_HEAD_NOTES[1:])
def test_a_running_head_over_the_notes_on_few_source_lines_is_no_cut(name):
    """(s46-ends.)  HTML written on a few long source lines (2000s HTML, inline XBRL as filing software
    writes it): the page's break, the running head and the notes on ONE source line were read as one
    line ending on the head, refused as cut off (831543a1: the inline XBRL table set aside, its facts
    checked alone); the check lays HTML's blocks out as lines, so each layout reads as the first."""
    for layout, text in _layouts((FIXTURES / name).read_text()).items():
        result = check(text, name)
        assert result.error is None and not result.findings, (layout, result.error, result.findings)


@pytest.mark.parametrize("name", ONE_LINE_NOTES + RUNNING_HEAD_NOTES[1:])
def test_a_running_head_over_a_lost_page_on_few_source_lines_is_cut_off(name):
    """Laid on few source lines, a cut shows as it does a block a line: the head over notes naming no
    marker the schedule prints (another page's), the head alone (its page lost: the whole file on one
    line read it on 831543a1, its document closing on the last row's line), the document never closed."""
    text = (FIXTURES / name).read_text()
    notes = re.compile(r"<(p|div) style=\"font-size:8pt\">.*?</\1>")
    other = notes.sub(lambda m: m.group().replace("(1)", "(3)").replace("(2)", "(4)").replace("(a)", "(4)"), text)
    head_only = notes.sub("", text)
    unclosed = text[: text.rindex("</body>")]
    for case, cut in (("other marks", other), ("head only", head_only), ("unclosed", unclosed)):
        for layout, laid in _layouts(cut).items():
            result = check(laid, name)
            # (inline XBRL: the cut table set aside, its facts checked instead, the cut named)
            said = [result.error.message] if result.error else [f.message for f in result.findings]
            assert any("cut off" in message for message in said), (case, layout, said)


def test_notes_marked_only_in_the_headings_under_a_running_head_are_no_cut():
    """(s46-ends.)  The notes' markers printed only in the column headings ("Charged to Other Accounts (1)",
    "Deductions (2)"), none beside a figure: a marker the schedule prints anywhere names its notes
    (831543a1 counted the rows' alone, and refused the head as a lost page's).  Marked nowhere, the
    head still shows the cut."""
    name = "html/ormsby-lamp-2005-notes-marked-in-headings-after-page-break-under-running-head-clean.htm"
    text = (FIXTURES / name).read_text()
    assert check(text, name).error is None
    unmarked = text.replace("Accounts (1)</td>", "Accounts</td>").replace("Deductions (2)</td>", "Deductions</td>")
    error = check(unmarked, name).error
    assert error is not None and "(continued)" in error.message and "cut off" in error.message


@pytest.mark.parametrize("ending", ["  Reserve for warranty costs          465", "  Reserve for warranty costs   ",
                                    "  Reserve for warranty costs          465           310"])
def test_a_file_cut_after_a_rows_label_and_first_figures_is_an_input_error(ending):
    """(s46-ends; s45 cuts2's fuzz: wrenfield-tool-1995, footnotes typed between rows, cut in the second
    row.)  The file ends on the next row's label and the gap before its figures, or a figure or two set in
    the table's columns, no line break after it: the row is no row the reading takes (fewer figures than
    the columns), so the first row read alone passed clean (831543a1).  A row begun: refused."""
    path = FIXTURES / "wrenfield-tool-1995-typed-footnotes-between-rows.txt"
    text = path.read_text()
    at = text.index("  Reserve for warranty costs")
    cut = check(text[:at] + ending, path.name)
    assert cut.error is not None and "'Reserve for warranty costs" in cut.error.message, cut.error
    assert "cut off" in cut.error.message
    # (with its line break, the line is no cut's: a whole file's last line; the row whole, read)
    assert check(text[: text.index("\n", at) + 1], path.name).error is None


def _cut_in_line(name: str, line: int, through: str, blanks: str) -> str:
    """The fixture's text up to line `line`'s first `through` (all of it kept), then `blanks`: no line break
    after them, as a download stopped there leaves it."""
    lines = (FIXTURES / name).read_text().splitlines(keepends=True)
    at = lines[line - 1].index(through) + len(through)
    return "".join(lines[: line - 1]) + lines[line - 1][:at] + blanks


@pytest.mark.parametrize("name,line,blanks", [
    # (each row's balance at end folded onto the line under it: the cut in that line's indent)
    ("holloway-brass-1995-typed-second-line-figure-between-columns.txt", 12, "\n      "),
    ("holloway-brass-1995-typed-second-line-figure-between-columns.txt", 12, "\n" + " " * 60),
    # (double spaced: a blank line between the row and its folded balance)
    ("quarry-hill-1996-double-spaced-second-line-clean.txt", 15, "\n\n    "),
])
def test_a_file_cut_in_the_blanks_under_its_last_row_is_an_input_error(name, line, blanks):
    """(s47-cuts3; the text fuzz after stop 46: 17 cuts read with VQ001 errors the whole file lacks.)  In a
    table whose rows fold their balance at end onto the line below, the file ends on a line of blanks
    alone, no line break after them, right under a row printing no figure in its last column: a download
    stopped in the folded balance's indent, the row read short of its balance ("balance at end is 0").
    Refused, naming the row and the file's last line."""
    text = "".join((FIXTURES / name).read_text().splitlines(keepends=True)[:line])
    cut = check(text.rstrip("\n") + blanks, name)
    assert cut.error is not None and "a line of blanks under the row 'Allowance for doubtful accounts'" in cut.error.message \
        and "cut off" in cut.error.message, \
        (cut.error, [(f.rule, f.location.line) for f in cut.findings])
    assert cut.error.line == text.rstrip("\n").count("\n") + blanks.count("\n") + 1
    # (the same line blank and ended, or the file ending on the row's line break: nothing shows a cut there)
    for ended in (text, text.rstrip("\n") + blanks + "\n"):
        result = check(ended, name)
        assert result.error is None or "a line of blanks" not in result.error.message


@pytest.mark.parametrize("name,line,through", [
    # (a row wrapped onto the line under its label, its figures read by their order: "--" read as the closing)
    ("brackwater-mills-1997-headings-again-wrapped-at-80-clean.txt", 18, "--"),
    # (the years as columns: the first year's balance at end is the last line's, the others' lost)
    ("halsted-gear-1995-years-as-columns-blank-one-word-movement.txt", 16, "864"),
    # (two accounts side by side on each line: the second's figures lost)
    ("calloway-ceramics-2003-reserves-side-by-side-letters-only.txt", 12, "502"),
    # (a row printing its opening alone, nil: its movements and closing lost)
    ("bristol-appliance-1996-double-spaced-account-captions.txt", 37, "--"),
    # (a row's rest opening on its numbered marker, the balance after it lost)
    ("brackwell-pump-2003-rest-opening-on-a-numbered-marker.txt", 13, "(2)"),
])
def test_a_file_cut_in_the_gap_after_a_rows_figure_is_an_input_error(name, line, through):
    """(s47-cuts3; the text fuzz after stop 46: VQ001/VQ003/VQ004 errors the whole file lacks.)  The file's
    last line ends in the blanks after a figure the reading took there, no line break after them (the gap
    before the line's next figure), and a row of the table does not close: it prints nothing after that
    figure, or a balance at end its figures do not make.  A download stopped in the gap: refused, naming
    the row.  Cut right after the figure with its line break, the file reads as before (no cut shown)."""
    assert "  " not in through
    cut = check(_cut_in_line(name, line, through, "  "), name)
    assert cut.error is not None and "in the gap after a figure" in cut.error.message, \
        (cut.error, [(f.rule, f.location.line) for f in cut.findings])
    assert cut.error.line == line and "cut off" in cut.error.message
    ended = check(_cut_in_line(name, line, through, "\n"), name)
    assert ended.error is None or "in the gap after" not in ended.error.message
    assert clean(check((FIXTURES / name).read_text(), name)) or "calloway" not in name


@pytest.mark.parametrize("name,line,through", [
    ("ormsby-freight-1996-untagged-totals-above-uncaptioned-years-clean.txt", 25, "==========  ======"),
    ("ormsby-freight-1996-untagged-totals-above-uncaptioned-years-clean.txt", 30, "----------  ------------"),
])
def test_a_file_cut_inside_a_rule_short_of_the_tables_rules_is_an_input_error(name, line, through):
    """(s47-cuts3.)  The file's last line a rule cut short of the table's rules above it, as typed (its start:
    "==========  ======" of "==========  ============  ..."), no line break after it: the rows under it lost
    (each year's block opening on its total, the total read over the wrong rows: VQ002).  A whole table's
    last rule is typed as its others: ending on it, with or without its line break, no rule is cut (ending
    right under a total that heads its block, the file is refused for that since s48-cuts4)."""
    cut = check(_cut_in_line(name, line, through, ""), name)
    assert cut.error is not None and "cut off" in cut.error.message and through.split()[0] in cut.error.message, \
        (cut.error, [(f.rule, f.location.line) for f in cut.findings])
    lines = (FIXTURES / name).read_text().splitlines(keepends=True)
    whole_rule = "".join(lines[:line]).rstrip("\n")
    for ending in (whole_rule, whole_rule + "\n"):
        error = check(ending, name).error
        assert error is None or "on the total 'Total' with no row under it" in error.message, error


@pytest.mark.parametrize("name", ["acme-tool-1996-clean.txt", "holloway-brass-1995-typed-second-line-figure-between-columns.txt",
                                  "ormsby-freight-1996-untagged-totals-above-uncaptioned-years-clean.txt",
                                  "thornbury-gauge-1995-quadruple-spaced-second-line-row-typo.txt",
                                  "westbrook-tool-1997-untagged-first-caption-over-headings-rule-misfooted.txt"])
def test_a_whole_file_ending_in_blanks_with_no_line_break_reads_as_whole(name):
    """(s47-cuts3.)  A whole file whose last row closes (or is simply wrong, its balance at end typed in its
    column: VQ001), ending on blanks with no line break after them (trailing blanks on its last line, or a
    line of blanks under it), reads as with its line break: no cut shown."""
    text = (FIXTURES / name).read_text().rstrip()
    whole = check(text + "\n", name)
    assert whole.error is None
    said = {(f.rule, f.location.line) for f in whole.findings if f.severity == "error"}
    for ending in ("   ", "\n   ", "\n\n        "):
        result = check(text + ending, name)
        assert result.error is None and {(f.rule, f.location.line) for f in result.findings if f.severity == "error"} == said


@pytest.mark.parametrize("name", ["pembrook-optical-2006-two-blanks-group-captions-clean.txt",
                                  "pembrook-optical-2006-two-blanks-group-captions-row-typo.txt"])
def test_a_whole_file_ending_on_a_reserves_label_alone_with_no_line_break_reads(name):
    """(s47-cuts3; /tmp/s44-noeol over the text fixtures: these two refused with their final line break taken
    off.)  The file's last line a reserve's label alone, whole, no figure beside it ("Reserve for product
    returns", as a whole table's last reserve may print it in its last year): no longer line cut, though a
    longer one starts so above (its rows with figures).  Read as with the line break."""
    text = (FIXTURES / name).read_text()
    whole = check(text, name)
    assert whole.error is None
    cut = check(text.rstrip("\n"), name)
    assert cut.error is None and [f.rule for f in cut.findings] == [f.rule for f in whole.findings]


TOTALS_ABOVE = "ormsby-freight-1996-untagged-totals-above-uncaptioned-years-clean.txt"


def _lines(name: str, count: int) -> str:
    return "".join((FIXTURES / name).read_text().splitlines(keepends=True)[:count])


@pytest.mark.parametrize("count,ending", [(24, ""), (25, ""), (25, "\n"), (31, ""), (32, "")])
def test_a_file_ending_on_a_total_that_heads_its_block_is_an_input_error(count, ending):
    """(s48-cuts4; the text fuzz on 67dfc1c2: ormsby cut at 1454, VQ002 in every column.)  A table whose
    totals are printed above the rows they sum (each year's block opening on its total), the file ending
    right under a total with no row under it: the block it heads lost to a cut (read, the total summed
    the block above it and failed in every column).  Refused, naming the total and the file's last line."""
    text = _lines(TOTALS_ABOVE, count) + ending
    cut = check(text, TOTALS_ABOVE)
    assert cut.error is not None and "on the total 'Total' with no row under it" in cut.error.message \
        and "cut off" in cut.error.message, (cut.error, [(f.rule, f.location.line) for f in cut.findings])
    assert cut.error.line == text.count("\n") + (not text.endswith("\n"))


@pytest.mark.parametrize("name", [TOTALS_ABOVE, TOTALS_ABOVE.replace("-clean", "-total-typo")])
@pytest.mark.parametrize("ending", ["", "\n\n      "])
def test_a_file_cut_between_blocks_of_the_titles_years_reads_them_with_the_completeness_warning(name, ending):
    """(s48-cuts4; the text fuzz on 67dfc1c2: ormsby cut at 1659 and 1666, VQ002 in every column.)  Blocks
    of the same rows, the years only in the title ("Years ended December 31, 1996, 1995 and 1994"), the
    file cut between the second block and the third: two blocks, not the title's three, were read as one
    period, the second block's total then summing the first's rows.  Each block is a year, which ones the
    title cannot say: VQ006 says the title names years not read, and only a total the filing misprints
    (the typo's 2,265 of 2,256, line 24) is an error, as in the whole file."""
    cut = check(_lines(name, 27) + ending, name)
    assert cut.error is None
    warned = [f.message for f in cut.findings if f.rule == "VQ006"]
    assert warned and "read as 2 periods" in warned[0], [(f.rule, f.message) for f in cut.findings]
    errors = {(f.rule, f.location.line, f.column) for f in cut.findings if f.severity == "error"}
    whole = check((FIXTURES / name).read_text(), name)
    assert errors == {(f.rule, f.location.line, f.column) for f in whole.findings if f.severity == "error"}
    assert bool(errors) == ("typo" in name)


def test_a_last_block_whose_total_is_wrong_still_gets_its_finding():
    """(s48-cuts4.)  The same table whole, its last block's total misprinted (2,043 printed 2,034): rows
    under the total, so no cut shown; VQ002 names its line."""
    name = TOTALS_ABOVE
    lines = (FIXTURES / name).read_text().splitlines(keepends=True)
    lines[30] = lines[30].replace("2,043", "2,034")
    result = check("".join(lines), name)
    assert result.error is None
    assert {(f.rule, f.location.line) for f in result.findings if f.severity == "error"} >= {("VQ002", 31)}


@pytest.mark.parametrize("name,line,through", [
    ("tallisker-fabrics-1997-rows-wrapped-twice-at-80-clean.txt", 22, "$12"),
    ("quenmoor-board-2006-rows-wrapped-twice-under-headings-wrapped-twice-at-80-clean.txt", 24, "$     37,512"),
    # (the figure's note marker after it; a column every row leaves blank: fewer than the rows above print)
    ("talliver-optics-2010-rest-of-a-rest-a-numbered-marker-wrapped-at-72.txt", 12, "- (3)"),
    ("quillfield-instruments-2000-row-wrapped-twice-beside-a-blank-column-wrapped-at-72-clean.txt", 21, "(a)"),
])
def test_a_file_cut_right_after_a_wrapped_rows_figure_is_an_input_error(name, line, through):
    """(s48-cuts4; the text fuzz on 67dfc1c2: 5 cuts read with VQ001 the whole file lacks.)  A row wrapped
    onto the file's last line, its figures read by their order, the line ending right at a figure's end
    (or its note's marker), no line break after it: the row prints fewer figures than the table's other
    rows (than its columns, the only row read), its last read as its closing, which it does not make.  A
    download stopped there: refused, naming the row."""
    cut = check(_cut_in_line(name, line, through, ""), name)
    assert cut.error is not None and "right after a figure of the row" in cut.error.message \
        and "cut off" in cut.error.message, (cut.error, [(f.rule, f.location.line) for f in cut.findings])
    assert cut.error.line == line


def test_a_whole_files_wrapped_last_row_that_is_wrong_still_gets_its_finding():
    """(s48-cuts4.)  The same table ending on its last row whole but misprinted ($1,641 typed $1,614), no
    line break after it: the row prints every figure the rows above print, so no cut shown; VQ001."""
    name = "tallisker-fabrics-1997-rows-wrapped-twice-at-80-clean.txt"
    text = _cut_in_line(name, 58, "$1,641", "")
    text = text[:-len("$1,641")] + "$1,614"
    result = check(text, name)
    assert result.error is None
    assert ("VQ001", "error") in {(f.rule, f.severity) for f in result.findings}


@pytest.mark.parametrize("count,ending", [(26, ""), (33, ""), (19, "Rese"), (26, "Rese"), (19, "Reserve for claims")])
def test_a_file_ending_in_a_block_short_of_its_total_is_an_input_error(count, ending):
    """(s48-cuts4; the text fuzz on 67dfc1c2: ormsby cut at 1064, "Rese", VQ002 in four columns.)  Totals
    printed above the rows they sum, the file ending in a block whose total does not sum its rows and is
    more than them in each column it fails (the rows lost each add to it): where its rows are the block
    above's first rows, in their order, or where the file's last line, no line break after it, begins the
    next row's label.  Refused, naming the total."""
    text = _lines(TOTALS_ABOVE, count) + ending
    cut = check(text, TOTALS_ABOVE)
    assert cut.error is not None and "under the total 'Total', printed above the rows it sums" in cut.error.message \
        and "cut off" in cut.error.message, (cut.error, [(f.rule, f.location.line) for f in cut.findings])


@pytest.mark.parametrize("line,typed,said", [(26, "1,087", "1,078"), (33, "996", "969"), (31, "2,043", "2,034")])
def test_a_last_block_wrong_in_one_figure_under_its_total_still_gets_its_finding(line, typed, said):
    """(s48-cuts4.)  The whole table, a figure of its last block (or of the total above it) misprinted:
    the total fails one column, so no block short of it: VQ002 said, not refused."""
    lines = (FIXTURES / TOTALS_ABOVE).read_text().splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].replace(typed, said, 1)
    result = check("".join(lines), TOTALS_ABOVE)
    assert result.error is None and any(f.rule == "VQ002" for f in result.findings)


def test_a_file_cut_right_after_a_rests_opening_marker_is_an_input_error():
    """(s48-cuts4; the text fuzz on 67dfc1c2: brackwell cut at 1021, VQ001, VQ003 and VQ004 the whole file
    lacks.)  Rows whose rest opens on a numbered marker ("(2)           1,158"), the file's last line that
    marker alone, no line break after it: read as the row's balance at end (-2), which it does not make.
    Refused; the rest whole, "(2)" and its figure, reads."""
    name = "brackwell-pump-2003-rest-opening-on-a-numbered-marker.txt"
    cut = check(_cut_in_line(name, 20, "(2)", ""), name)
    assert cut.error is not None and "a note's marker alone" in cut.error.message and cut.error.line == 20, \
        (cut.error, [(f.rule, f.location.line) for f in cut.findings])
    lines = (FIXTURES / name).read_text().splitlines(keepends=True)
    assert check("".join(lines[:20]).rstrip("\n"), name).error is None


@pytest.mark.parametrize("name,line,through", [
    ("harrowgate-home-2011-total-above-marks-inside.txt", 21, "Allowance for inventory obsol"),
    ("ketterly-brands-2012-superscript-mark-inside-negative-misfooted.txt", 20, "LIFO allow"),
])
def test_a_file_cut_in_a_label_under_a_named_total_above_its_rows_is_an_input_error(name, line, through):
    """(s48-cuts4; the text fuzz on 67dfc1c2: 5 cuts read with VQ005 the whole lacks.)  A total named
    ("Total valuation allowances") printed above its rows, the file's last line the next row's label
    begun, no line break after it: the total sums too few of the rows read to be told from a reserve
    (VQ005, read as one), and is more than them in each column it fails.  Refused, naming the total."""
    cut = check(_cut_in_line(name, line, through, ""), name)
    assert cut.error is not None and "under the total 'Total valuation allowances'" in cut.error.message \
        and cut.error.line == line, (cut.error, [(f.rule, f.location.line) for f in cut.findings])
