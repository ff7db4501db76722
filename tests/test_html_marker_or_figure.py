"""A small figure in parentheses right after a figure's cell, on rows laid apart after a page
break: a note's marker beside the figure, or the row's negative figure (s42 markers).

Rows laid on a grid of their own tell nothing by where their cells stand; the row's count of
figures against the first part's columns and the markers the table prints as markers elsewhere
do (html.row_marks: figures_not_markers, _marked, table_markers).  Each case is built on the layout of
tests/fixtures/html/wensley-forge-2003-rows-apart-noted-small-negative-clean (split_habits' apart
mode after the first account)."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import auditor
from auditor import source
from auditor.frontends.html import breaks, locate

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "fixtures" / "html"))

import _make  # noqa: E402
from render_html import HtmlStyle, place_sentinels, render  # noqa: E402
from split_habits import split_apart  # noqa: E402


# The notes a table carries as paragraphs below it, each opening on its marker.
NOTES_BELOW = ('<p style="font-size:8pt">(1) Includes amounts of acquired businesses.</p>\n'
               '<p style="font-size:8pt">(a) Accounts written off, net of recoveries.</p>\n'
               '<p style="font-size:8pt">(d) Charged to the businesses sold.</p>\n')

# The same notes as filing software sets them: a table under the schedule, a marker's cell and a note's.
NOTES_TABLE = ('<table>\n<tr><td>(1)</td><td>Includes amounts of acquired businesses.</td></tr>\n'
               '<tr><td>(a)</td><td>Accounts written off, net of recoveries.</td></tr>\n'
               '<tr><td>(d)</td><td>Charged to the businesses sold.</td></tr>\n</table>\n')


def _written(s, tmp_path, *, after: str = "") -> Path:
    rendered = render(s, HtmlStyle(), before="", after=after, sentinels=True)
    rendered.text = split_apart(rendered.text, 0, False, "none").replace("\x03", "</td><td>")
    rendered = place_sentinels(rendered)
    path = tmp_path / "table.htm"
    path.write_text(rendered.text)
    return path


def _two_markers_blank_column():
    """2002's receivables row prints its charge with two notes in cells of their own, "19" "(1)"
    "(d)", and no figure at all under 'Additions Charged to Other Accounts' (a blank cell, no
    dash); the table marks 2003's receivables charge "(1)" in the first part, beside its figure."""
    s = copy.deepcopy(_make.WENSLEY)
    row = s["periods"][1]["rows"][1]
    row["cells"], row["footnotes"] = ["24", "19", "", "12", "31"], ["", "(1)\x03(d)", "", "(a)", ""]
    s["periods"][0]["rows"][1]["footnotes"] = ["", "(1)", "", "(a)", ""]
    s["periods"][1]["rows"][-1]["cells"] = ["31", "20", "\u2014", "12", "39"]
    return s


def _the_marker_no_figure_under(notes: str, tmp_path) -> None:
    """2002's receivables row ("24" "19" "(1)" "(d)" and a blank column), the first part printing
    no "(1)", `notes` under the table naming it: read right, no finding."""
    s = _two_markers_blank_column()
    s["periods"][0]["rows"][1]["footnotes"] = ["", "", "", "(a)", ""]
    result = auditor.check_file(str(_written(s, tmp_path, after=notes)))
    assert result.error is None and not result.findings, [f.message for f in result.findings]
    row = result.schedules[0].periods[1].rows[0]
    assert [c.raw if c else None for c in row.cells] == ["24", "19", None, "12", "31"]


def test_a_figures_two_notes_in_a_row_missing_a_figure_are_no_figure(tmp_path):
    """Before s42 the "(1)" followed by its "(d)" was read as the charged-to-other figure (a
    marker carries none), where the table prints "(1)" as a note's marker: a column total of
    charged_other said wrong, a false finding.  Now a marker the table prints as one is no
    figure: the row is not placed (refused, never guessed) or placed right."""
    result = auditor.check_file(str(_written(_two_markers_blank_column(), tmp_path)))
    assert not [f for f in result.findings if f.severity == "error"], [f.message for f in result.findings]


def test_a_marker_named_only_in_the_notes_below_the_table_is_no_figure(tmp_path):
    """The same row, the first part printing no "(1)": the notes name it only as paragraphs below
    the table ("(1) Includes ..."). Before s43 the "(1)" was read as the charged-to-other figure
    (a false column total); now a marker the notes below define is no figure either, and the row's
    blank column, several empty cells after the figure's notes, is its place: read right."""
    _the_marker_no_figure_under(NOTES_BELOW, tmp_path)


def test_a_figure_in_a_row_of_no_blank_cell_stays_one_though_the_notes_name_it(tmp_path):
    """2001's inventories row prints "(1)" "(b)" in a cell each, none blank: its charged-to-other
    figure with its note, though the notes below name a "(1)" (a row printing a cell for every
    column tells its figures by their count)."""
    s = _two_markers_blank_column()
    s["periods"][0]["rows"][1]["footnotes"] = ["", "", "", "(a)", ""]
    result = auditor.check_file(str(_written(s, tmp_path, after=NOTES_BELOW)))
    row = result.schedules[0].periods[2].rows[1]
    assert [c.raw if c else None for c in row.cells] == ["5", "4", "(1)", "1", "7"]


def test_a_small_negative_right_after_the_opening_is_the_rows_charge(tmp_path):
    """'13' '(4)' '(1)' '(b)' '' '1' '' '7': the '(4)' followed by the next column's '(1)' with its
    own note is the charge, not a marker beside the opening balance (before s42: read as one, the
    row's charge blank and two false findings)."""
    s = copy.deepcopy(_make.BRACKLEY)
    result = auditor.check_file(str(_written(s, tmp_path)))
    assert result.error is None and not result.findings, [f.message for f in result.findings]
    row = result.schedules[0].periods[2].rows[1]
    assert [c.raw if c else None for c in row.cells] == ["13", "(4)", "(1)", "1", "7"]


def test_a_marker_named_only_in_a_table_of_notes_below_the_table_is_no_figure(tmp_path):
    """The notes set as a table under the schedule, "(1)" | "Includes ...", no paragraph (s44):
    before, only paragraphs were read as notes, the "(1)" taken for the charged-to-other figure
    (a false column total); now a table every row of which opens on a marker and its note's
    words defines its markers as the paragraphs do: the row read right."""
    _the_marker_no_figure_under(NOTES_TABLE, tmp_path)


def _notes_after(html: str) -> frozenset[str]:
    """The markers `breaks.notes_below` finds under a first table of figures, `html` after it."""
    text = "<table><tr><td>Receivables</td><td>24</td><td>19</td></tr></table>\n" + html
    doc = locate.Document(source.from_text(text, "t.htm"))
    return breaks.notes_below(doc, text.index("</table>") + len("</table>"))


def test_only_a_table_of_notes_alone_under_the_schedule_names_markers():
    """A table of notes names its numbered markers, its sizing row of empty cells and spacer cells
    aside, a marker and its words in one cell too; a table with a row not opening on a marker, or
    a figure after the marker's words, is no table of notes; nor one under other text."""
    spaced = ('<table><tr><td width="4%"></td><td></td><td></td></tr>'
              '<tr><td>(2)&nbsp;</td><td>&nbsp;</td><td>Acquired reserves.</td></tr>'
              '<tr><td>(b) Written off.</td></tr></table>')
    assert _notes_after(spaced) == {"(2)", "(b)"}
    assert _notes_after(NOTES_TABLE) == {"(1)", "(a)", "(d)"}
    assert _notes_after('<table><tr><td>(1)</td><td>Includes</td></tr><tr><td>Total</td><td>12</td></tr></table>') == set()
    assert _notes_after('<table><tr><td>(1)</td><td>Includes</td><td>12</td></tr></table>') == set()
    assert _notes_after("<p>Other text.</p>" + NOTES_TABLE) == set()


def test_the_notes_under_a_later_part_name_a_middle_parts_markers():
    """A schedule cut over three pages, its notes under the third part only, the middle part's row
    printing "38" "(1)" "(d)" and a blank column (tests/fixtures/html/kestrel-forge-2005-rows-apart-
    notes-under-third-part-clean): notes belong to the whole schedule.  Before s44 only the notes
    right under a part were asked, the "(1)" read as the charged-to-other figure (a false column
    total); now the middle part's row is read right."""
    fixture = HERE / "fixtures" / "html" / "kestrel-forge-2005-rows-apart-notes-under-third-part-clean.htm"
    result = auditor.check_file(str(fixture))
    assert result.error is None and not result.findings, [f.message for f in result.findings]
    row = result.schedules[0].periods[1].rows[0]
    assert [c.raw if c else None for c in row.cells] == ["48", "38", None, "24", "62"]


def test_the_notes_under_the_next_part_only_where_it_carries_the_schedule_on():
    """Past a part printing no headings (the schedule's rows carried on after a page break) the notes
    under it are the schedule's; past a table under headings of its own (another statement) they
    are not, nor past text."""
    notes = "<p>(1) Includes acquired reserves.</p>"
    part = "<p>F-33</p><table><tr><td>Inventories</td><td>8</td><td>3</td></tr></table>"
    other = "<table><tr><td>Balance</td><td>Charged</td></tr><tr><td>Inventories</td><td>8</td></tr></table>"
    assert _notes_after(part + notes) == {"(1)"}
    assert _notes_after(part + part + NOTES_TABLE) == {"(1)", "(a)", "(d)"}
    assert _notes_after(other + notes) == set()
    assert _notes_after("<p>Other text.</p>" + part + notes) == set()


def _read_right(name: str, periods: int = 3) -> None:
    """The fixture kestrel-forge-2005-rows-apart-`name`-clean (its schedule cut over three pages, the
    middle part's 2005 receivables row printing "38" "(1)" "(d)" and a blank column) read whole and
    right: every period, the "(1)" a note's marker, no finding."""
    fixture = HERE / "fixtures" / "html" / f"kestrel-forge-2005-rows-apart-{name}-clean.htm"
    result = auditor.check_file(str(fixture))
    assert result.error is None and not result.findings, [f.message for f in result.findings]
    assert [len(p.rows) for p in result.schedules[0].periods] == [3] * periods
    row = result.schedules[0].periods[1].rows[0]
    assert [c.raw if c else None for c in row.cells] == ["48", "38", None, "24", "62"]


def test_the_notes_under_the_first_part_name_a_later_parts_markers():
    """The notes printed under the schedule's first part, at its first page's foot, name the "(1)"
    the middle part's row prints (s44-notesback): before, only the notes under a part and the parts
    after it were asked, the "(1)" read as the charged-to-other figure (a false column total); now
    every part's notes are the whole schedule's."""
    _read_right("notes-under-first-part")


def test_a_table_of_notes_under_the_first_part_does_not_end_the_schedule():
    """The notes set as a table under the first part, at its first page's foot: before s44-notesback
    the schedule ended at that table, its two later parts dropped unsaid (one row read, no finding,
    a typo in them missed); now a table of notes between parts is page furniture, and its "(1)"
    names the middle part's marker."""
    _read_right("notes-table-under-first-part")


def test_the_notes_past_a_table_of_notes_under_a_middle_part_are_the_schedules():
    """A table of notes under the middle part ("(a)", "(d)"), "(1)" named by a paragraph under the
    last: before s44-notesback the last part was dropped unsaid and "(1)" read as a figure (the walk
    over the notes stopped at the table); now the schedule and its notes go on past it."""
    _read_right("notes-table-under-middle-part")


def test_the_walk_over_the_notes_goes_on_past_a_table_of_notes():
    """Past a table of notes under a part, the schedule's next part and the notes under it are
    still the schedule's."""
    part = "<p>F-33</p><table><tr><td>Inventories</td><td>8</td><td>3</td></tr></table>"
    lettered = NOTES_TABLE.replace("<tr><td>(1)</td><td>Includes amounts of acquired businesses.</td></tr>\n", "")
    assert _notes_after(part + lettered + part + "<p>(1) Includes acquired reserves.</p>") == {"(1)", "(a)", "(d)"}
    assert _notes_after(lettered + part + "<p>(2) Includes acquired reserves.</p>") == {"(2)", "(a)", "(d)"}


def test_rows_past_a_table_of_notes_the_schedule_cannot_join_are_said_unread(tmp_path):
    """A sentence under the first page's table of notes ("Amounts are stated after ..."): the parts
    after it are not joined (text between), and before s44-notesback the table of notes hid them
    from the look for rows left after the schedule too: dropped unsaid, no finding.  Now they are
    said unread (VQ007), never dropped."""
    fixture = HERE / "fixtures" / "html" / "kestrel-forge-2005-rows-apart-notes-table-under-first-part-clean.htm"
    text = fixture.read_text().replace('<p align="center">F-41</p>', '<p align="center">F-41</p>\n<p>Amounts are '
                                       'stated after the reclassifications described in Note 3.</p>', 1)
    path = tmp_path / "table.htm"
    path.write_text(text)
    result = auditor.check_file(str(path))
    assert result.error is None
    assert len([f for f in result.findings if f.rule == "VQ007"]) == 25, [f.message for f in result.findings]


def _years_read(name: str) -> list[list[list[object]]]:
    """The figures of tests/fixtures/html/`name`.htm read clean, period by period, row by row."""
    result = auditor.check_file(str(HERE / "fixtures" / "html" / f"{name}.htm"))
    assert result.error is None and not result.findings, [f.message for f in result.findings]
    return [[[c.raw if c else None for c in row.cells] for row in p.rows] for p in result.schedules[0].periods]


def test_the_notes_under_a_transposed_schedules_first_table_name_a_later_tables_marker():
    """The years as columns, a table per account under its caption, the second's cut by a page break,
    its rest laid on a grid of its own printing "601" "(1)" "(d)" and a blank 2002 cell; the notes
    under the first account's table alone (s45-htmlnotes2): before, the tables after the first one
    were joined to their rest with no notes of the schedule's, the "(1)" read as 2002's figure -1
    (a total off by one, said within rounding: a silent misreading); now every table's rest is
    read with the whole schedule's notes."""
    read = _years_read("nutmeg-tools-2003-years-as-columns-notes-under-first-table-clean")
    assert read[1][1] == ["2,331", "397", None, "696", "2,032"]
    assert read[2][1] == ["2,032", "715", "193", "848", "2,092"]


def test_a_table_of_notes_at_a_page_foot_does_not_part_a_block_from_its_rest():
    """The years as columns in one table a page break cuts inside the first account's block, the
    page's notes set as a table at its foot (s45-htmlnotes2): before, the join looked no further
    than that table, and the schedule was refused (its rest "on other columns"); now a table of
    notes between two parts is page furniture to the join too, the rest read under the years."""
    read = _years_read("nutmeg-tools-2003-years-as-columns-notes-table-at-page-break-clean")
    assert [len(rows) for rows in read] == [3, 3, 3]
    assert read[0][0] == ["612", "820", "\u2014", "790", "642"]
    assert read[1][0] == ["642", "785", "765", "745", "1,447"]


def test_the_notes_a_later_part_prints_as_its_last_rows_name_a_middle_parts_marker():
    """The notes printed inside the schedule's last part, as its last rows spanning the columns
    (s45-htmlnotes2): before, only notes under a part were read, the "(1)" the middle part's row
    prints read as the charged-to-other figure (a false column total); now a part's own last rows
    of notes are the schedule's notes too."""
    _read_right("notes-in-last-parts-rows")


def test_the_notes_the_first_part_prints_as_its_last_rows_marker_cells_apart_name_a_marker():
    """The notes printed inside the schedule's first part as its last rows, each marker in the label
    column, its words spanning the figures' columns (s45-htmlnotes2): before, a "(1)" printed there
    was no marker the table prints among words, and the "(1)" the middle part's row prints was read
    as the charged-to-other figure (a false column total); now a part's own last rows of notes are
    the schedule's notes."""
    _read_right("notes-in-first-parts-rows")


def test_a_part_laid_apart_printing_its_notes_as_its_last_rows_is_read():
    """The notes printed as the last rows of the middle part, the part laid on a grid of its own,
    each a marker's cell and the note's words (s45-htmlnotes2): before, a row of words right of the
    label column could not be laid under the first part's columns, and the schedule was refused;
    now a row of notes keeps its marker as a label and its words across the columns, and its "(1)"
    names the marker beside the row's figure."""
    _read_right("notes-in-middle-parts-rows")


def test_a_tables_last_rows_of_notes_name_markers():
    """The notes a table prints as its last rows: a row each, a marker's cell and a note's, or every
    note in one cell a line each; a row of figures above them is no matter, but a row of notes
    above the table's rows of figures is no note of its last rows."""
    def rows_notes(rows: str) -> set[str]:
        text = f"<table><tr><td>Receivables</td><td>24</td><td>19</td></tr>{rows}</table>"
        doc = locate.Document(source.from_text(text, "t.htm"))
        return breaks._rows_notes(doc.grid(doc.next_table(0)))
    assert rows_notes('<tr><td colspan="3">(1) Includes acquired reserves.</td></tr>'
                      '<tr><td colspan="3">(a) Written off.</td></tr>') == {"(1)", "(a)"}
    assert rows_notes('<tr><td>(2)</td><td colspan="2">Acquired reserves.</td></tr>') == {"(2)"}
    one_cell = '<tr><td colspan="3">(1) Includes acquired reserves.<br>(2) Written off.</td></tr>'
    assert rows_notes(one_cell) == {"(1)", "(2)"}
    assert rows_notes('<tr><td>(1) Includes</td><td>12</td><td>3</td></tr>') == set()
    assert rows_notes('') == set()


def test_the_notes_in_the_first_parts_caption_name_a_later_parts_marker():
    """The notes printed in the first part's <caption>, set at its foot a line each (s45-htmlnotes2):
    before, a caption was read as the table's title or units alone, the "(1)" the middle part's row
    prints read as the charged-to-other figure (a false column total); now a caption opening on a
    note names its markers as a table's last rows of notes do."""
    _read_right("notes-in-first-parts-caption")


def test_the_notes_under_the_last_of_many_parts_name_a_second_parts_marker():
    """A schedule cut over eight pages (a table per year), its notes under the eighth part only, the
    second part's row printing "24" "(1)" "(d)" and a blank column (s46-htmlnotes3): before, the walk
    over the notes stopped four parts on, the "(1)" read as the charged-to-other figure (a false
    column total); now the notes under the schedule's last part are its notes however far on."""
    fixture = HERE / "fixtures" / "html" / "kestrel-forge-2005-rows-apart-notes-under-eighth-part-clean.htm"
    result = auditor.check_file(str(fixture))
    assert result.error is None and not result.findings, [f.message for f in result.findings]
    assert [len(p.rows) for p in result.schedules[0].periods] == [3] * 8
    row = result.schedules[0].periods[1].rows[0]
    assert [c.raw if c else None for c in row.cells] == ["69", "24", None, "13", "80"]


def test_the_walk_over_the_notes_reaches_the_schedules_last_part():
    """The notes under the seventh part after the first, in a paragraph or in that part's <caption>,
    name the schedule's markers (no count of parts bounds the walk; a table under headings of its
    own, or text, ends it)."""
    part = "<p>F-33</p><table><tr><td>Inventories</td><td>8</td><td>3</td></tr></table>"
    noted = '<p>F-40</p><table><caption>(1) Includes acquired reserves.</caption><tr><td>Inventories</td><td>8</td><td>3</td></tr></table>'
    assert _notes_after(part * 7 + "<p>(1) Includes acquired reserves.</p>") == {"(1)"}
    assert _notes_after(part * 6 + noted) == {"(1)"}
    assert _notes_after(part * 6 + "<p>Other text.</p>" + part + "<p>(1) Includes acquired reserves.</p>") == set()


def test_a_real_small_negative_on_the_eighth_part_layout_stays_a_figure_named_or_not(tmp_path):
    """The eighth-part fixture's 2005 receivables row printing a real figure "(1)" charged to other
    accounts in a cell of its own ("69" "24" "(1)" "12" "(a)" "80": no blank column, the row closing
    only with -1), its total "(1)": a figure whether or not the notes under the last part name a
    "(1)" (the walk over the notes reaching further names no figure a marker); and the fixture's own
    row, a blank column beside it, named: a marker."""
    fixture = HERE / "fixtures" / "html" / "kestrel-forge-2005-rows-apart-notes-under-eighth-part-clean.htm"
    text = fixture.read_text()
    marked = ('<td align="right">24</td><td>(1)</td><td>(d)</td><td></td><td></td><td></td>'
              '<td align="right">13</td>')
    total = '<td align="right">28</td><td align="right">&#151;</td><td align="right">16</td>'
    assert marked in text and total in text
    figure = text.replace(marked, '<td align="right">24</td><td>(1)</td><td align="right">12</td>').replace(
        total, '<td align="right">28</td><td align="right">(1)</td><td align="right">15</td>')
    unnamed = figure.replace('<p style="font-size:8pt">(1) Includes amounts of acquired businesses.</p>\n', "")
    for name, html, cells in (("named", figure, ["69", "24", "(1)", "12", "80"]),
                              ("unnamed", unnamed, ["69", "24", "(1)", "12", "80"]),
                              ("marker", text, ["69", "24", None, "13", "80"])):
        path = tmp_path / f"{name}.htm"
        path.write_text(html)
        result = auditor.check_file(str(path))
        assert result.error is None and not result.findings, (name, [f.message for f in result.findings])
        row = result.schedules[0].periods[1].rows[0]
        assert [c.raw if c else None for c in row.cells] == cells, name


def test_a_small_negative_no_note_names_beside_the_notes_of_others_is_the_rows_figure(tmp_path):
    """The second part's row printing a real "(1)" charged to other accounts right after its charge,
    blank spacer cells after it ("69" "24" "(1)" "" "" "" "12" "(a)" "80": the row closes only with
    -1), the notes under the last part naming "(a)" and "(d)" alone (tests/fixtures/html/kestrel-forge-
    2005-rows-apart-unnamed-small-negative-beside-lettered-notes-clean): before s46 it was a note's
    marker whatever the notes named (a false column total); now a "(1)" no note names, where notes
    name others, is the row's figure.  The same row, a note naming "(1)": a marker (the notes say so)."""
    fixture = HERE / "fixtures" / "html" / "kestrel-forge-2005-rows-apart-unnamed-small-negative-beside-lettered-notes-clean.htm"
    result = auditor.check_file(str(fixture))
    assert result.error is None and not result.findings, [f.message for f in result.findings]
    row = result.schedules[0].periods[1].rows[0]
    assert [c.raw if c else None for c in row.cells] == ["69", "24", "(1)", "12", "80"]
    named = tmp_path / "named.htm"
    named.write_text(fixture.read_text().replace(
        '<p style="font-size:8pt">(a)', '<p style="font-size:8pt">(1) Includes amounts of acquired businesses.</p>\n'
        '<p style="font-size:8pt">(a)', 1))
    row = auditor.check_file(str(named)).schedules[0].periods[1].rows[0]
    assert [c.raw if c else None for c in row.cells] == ["69", "24", None, "12", "80"]


def test_a_numbered_marker_with_a_slash_in_a_cell_of_its_own_is_the_figures_note():
    """Footnote markers numbered with a slash ("1/", "2/") in cells of their own after the deductions
    (tests/fixtures/html/osprey-mills-2004-slash-note-cells-clean): before s47 the "/" was a word
    among figures and the table was refused; now each is its figure's marker, as "(1)" there is.
    A date's "12/31" in a cell stays a word (no marker reads out of it)."""
    fixture = HERE / "fixtures" / "html" / "osprey-mills-2004-slash-note-cells-clean.htm"
    result = auditor.check_file(str(fixture))
    assert result.error is None and not result.findings, [f.message for f in result.findings]
    noted = {(row.label, c.raw, c.footnote) for p in result.schedules[0].periods for row in p.rows
             for c in row.cells if c is not None and c.footnote}
    assert noted == {("Allowance for doubtful accounts", "430", "1/"), ("Reserve for sales returns", "313", "2/")}
    from auditor.frontends.html.figures import TOKEN
    assert [m.lastgroup for m in TOKEN.finditer("12/31/2004")] == ["amount", "text"]
    assert [m.lastgroup for m in TOKEN.finditer("473 1/")] == ["amount", "note"]


def _rows_2005(result) -> list:
    row = result.schedules[0].periods[1].rows[0]
    return [c.raw if c else None for c in row.cells]


def test_a_small_figure_after_a_figure_with_no_note_anywhere_is_read_by_the_arithmetic():
    """A "(1)" right after a figure, blank spacers after it, on a row laid apart after a page break,
    and no note anywhere: nothing in the table tells a marker from the row's negative figure.  A real
    -1 charged to other accounts (its total prints "(1)") was a marker before s47 (a false column total);
    the charge's "(1)" "(d)", two markers (the total a dash), was a figure marked "(d)" (the same, the
    other way).  The arithmetic reads each now, the row's charge misprinted too (both ways found)."""
    html = HERE / "fixtures" / "html"
    for name, cells in (("small-negative-no-notes", ["29", "14", "(1)", "8", "34"]),
                        ("two-markers-no-notes", ["29", "14", None, "8", "35"])):
        clean = auditor.check_file(str(html / f"kestrel-forge-2005-rows-apart-{name}-clean.htm"))
        assert clean.error is None and not clean.findings, (name, [f.message for f in clean.findings])
        assert _rows_2005(clean) == cells, name
        typo = auditor.check_file(str(html / f"kestrel-forge-2005-rows-apart-{name}-charge-typo.htm"))
        assert sorted((f.rule, f.column) for f in typo.findings) == [("VQ001", "ending"), ("VQ002", "charged_costs")], name
        assert _rows_2005(typo) == [cells[0], "24", *cells[2:]], name


def test_a_small_figure_the_arithmetic_reads_neither_way_is_said_and_no_error_rests_on_it(tmp_path):
    """The same two markers, the charge misprinted and the total's other charges printed 5 (neither
    0 nor -1): every check fails alike read either way.  The "(1)" is said unsure (VQ005, at it) and
    only what both readings find is reported: the total's 5 is wrong both ways, so said."""
    text = (HERE / "fixtures" / "html" / "kestrel-forge-2005-rows-apart-two-markers-no-notes-charge-typo.htm").read_text()
    total = '<td align="right">37</td><td align="right">18</td><td align="right">&#151;</td>'
    assert text.count(total) == 1
    path = tmp_path / "neither.htm"
    path.write_text(text.replace(total, '<td align="right">37</td><td align="right">18</td><td align="right">5</td>'))
    result = auditor.check_file(str(path))
    unsure = [f for f in result.findings if f.rule == "VQ005"]
    assert [(f.severity, f.location.line, f.location.column) for f in unsure] == [("warning", 49, 55)]
    assert "'(1)' right after a figure" in unsure[0].message
    said = sorted((f.rule, f.location.line, f.location.column) for f in result.findings if f.severity == "error")
    assert said == [("VQ001", 49, 156), ("VQ001", 57, 118), ("VQ002", 57, 44), ("VQ002", 57, 69)]


THORNBURY = "thornbury-castings-2009-rows-apart-one-reserve"


def _json_marks(capsys, name: str, *options: str) -> tuple[list[dict], list[str]]:
    """`auditor check --format json` of tests/fixtures/html/`name`.htm, validated against the shipped
    schema: its schedule's reading's marks (schedules[].reading.marks) and the rules it found."""
    import json
    from importlib import resources

    import jsonschema

    from auditor import cli

    cli.main(["check", str(HERE / "fixtures" / "html" / f"{name}.htm"), "--format", "json", "--no-cache", *options])
    doc = json.loads(capsys.readouterr().out)
    jsonschema.validate(doc, json.loads(resources.files("auditor").joinpath("schemas/findings.schema.json").read_text()))
    found = doc["files"][0]
    return found["schedules"][0]["reading"].get("marks", []), [f["rule"] for f in found["findings"]]


def test_the_reading_shows_how_the_arithmetic_read_each_small_figure_after_a_figure(capsys):
    """Issue 12 part 5, the reading shown: before s48 the rules settled a "(1)" read two ways
    (engine.settled) and nothing said how or why.  Now the reading stage decides (reading/marks) and
    JSON schedules[].reading.marks gives each decision, the cell and its basis: a figure where the row
    closes only with it, a marker where only without, and, the row misprinted so that the checks find
    the same either way, unsure (VQ005 at it)."""
    for name, read_as, basis in (
            (f"{THORNBURY}-small-figure-clean", "figure",
             ["the row closes only read as a figure (VQ001 at line 33, column 145 fails read as a marker)"]),
            (f"{THORNBURY}-marker-clean", "marker",
             ["the row closes only read as a marker (VQ001 at line 33, column 145 fails read as a figure)"]),
            (f"{THORNBURY}-marker-charge-typo", "marker",
             ["the row closes only read as a marker (VQ001 at line 33, column 145 fails read as a figure)"]),
            (f"{THORNBURY}-small-figure-charge-typo", "unsure",
             ["the checks find the same read either way (VQ001 at line 33, column 145)",
              "only what both readings find is reported"])):
        marks, _ = _json_marks(capsys, name)
        assert marks == [{"period": "Year ended September 30, 2008", "row": "Allowance for doubtful accounts",
                          "line": 32, "column": 3, "cell": {"line": 33, "column": 55}, "raw": "(1)",
                          "read_as": read_as, "basis": basis}], name


def test_the_basis_names_each_check_that_holds_only_the_way_the_small_figure_is_read(capsys):
    """A schedule of two reserves and their total (kestrel-forge-2005-rows-apart-*-no-notes): the row
    and the total's column both tell; where the row is misprinted (-charge-typo) it fails either way,
    and only the column's total is the basis, named by its finding."""
    cases = {
        "small-negative-no-notes-clean": ("figure", [
            "the row closes only read as a figure (VQ001 at line 49, column 144 fails read as a marker)",
            "the column's total sums only read as a figure (VQ002 at line 57, column 55 fails read as a marker)"]),
        "small-negative-no-notes-charge-typo": ("figure", [
            "VQ002 (column total) at line 57, column 55 fails only read as a marker"]),
        "two-markers-no-notes-clean": ("marker", [
            "the row closes only read as a marker (VQ001 at line 49, column 156 fails read as a figure)",
            "the column's total sums only read as a marker (VQ002 at line 57, column 69 fails read as a figure)"]),
    }
    for name, (read_as, basis) in cases.items():
        marks, _ = _json_marks(capsys, f"kestrel-forge-2005-rows-apart-{name}")
        assert [(m["read_as"], m["basis"]) for m in marks] == [(read_as, basis)], name


def test_auditor_parse_shows_the_small_figures_reading(capsys):
    """`auditor parse` says each decision with its basis, beside the columns' (before s48: nothing)."""
    from auditor import cli

    for name, said in (("small-figure-clean", "read as a figure, because the row closes only read as a figure"),
                       ("small-figure-charge-typo", "left unsure, because the checks find the same read either way")):
        cli.main(["parse", str(HERE / "fixtures" / "html" / f"{THORNBURY}-{name}.htm")])
        lines = [ln for ln in capsys.readouterr().out.splitlines() if "right after a figure" in ln]
        assert len(lines) == 1 and lines[0].startswith(f"  line 33: '(1)' right after a figure {said}"), lines


def test_the_small_figure_is_read_alike_whatever_rules_are_selected(capsys):
    """The reading is the table's, not the selection's: before s48 the rules the user selected were the
    measure, so `--select VQ005` found nothing either way and warned the "(1)" unsure where the whole
    rule set reads it a figure; now every rule measures, and the reading is the same."""
    marks, rules = _json_marks(capsys, f"{THORNBURY}-small-figure-clean", "--select", "VQ005")
    assert [m["read_as"] for m in marks] == ["figure"] and rules == []


def test_the_small_figures_reading_crosses_to_a_corpus_runs_main_process_and_its_cache():
    """A corpus run's workers send each result as the cache's JSON (corpus/codec): before s48-settle's
    codec entry the reading's marks were no record it could rebuild, and `check` over a folder holding
    such a fixture failed (an internal error, no report).  The schedules come back as checked."""
    from auditor.corpus import codec

    path = str(HERE / "fixtures" / "html" / f"{THORNBURY}-small-figure-charge-typo.htm")
    checked = auditor.check_file(path)
    loaded = codec.loads(codec.dumps(checked), path)
    assert loaded.schedules == checked.schedules and loaded.schedules[0].reading.marks[0].read_as == "unsure"
