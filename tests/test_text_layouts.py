"""Named cases of the text layouts of 1990s filings: one table per year,
dash-escaped lines, short rules, second lines of figures.  Each edits a
fixture in one way and says what must be read from it."""

import re

import auditor
from auditor import source
from auditor.frontends.text import layout, parse
from auditor.frontends.text.locate import Region
from auditor.frontends.text.tokens import text as text_of
from conftest import FIXTURES

HARROW = (FIXTURES / "harrow-beverage-1997-one-year-tables.txt").read_text()
HARROW_1997 = (1, 60)  # lines of the 1997 table's page, title to page number


def check(text: str, name: str = "edited.txt"):
    result = auditor.check_source(source.from_text(text, name))
    assert result.error is None, str(result.error)
    return result


def _edit_line(text: str, number: int, old: str, new: str) -> str:
    lines = text.split("\n")
    assert old in lines[number - 1], lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "\n".join(lines)


def test_one_year_tables_are_read_as_one_schedule_of_their_years():
    (schedule,) = check(HARROW).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1997, 1996, 1995]
    assert [len(p.rows) for p in schedule.periods] == [4, 4, 4]


def test_a_beginning_balance_is_checked_against_the_year_before_in_its_own_table():
    # 1997's deferred tax assets open at 15 (and close at 17), where 1996's closed at 11.
    line = next(n for n, t in enumerate(HARROW.split("\n"), 1) if t.strip().startswith("Deferred tax assets"))
    text = _edit_line(HARROW, line, "    11            2            -            -           13",
                      "    15            2            -            -           17")
    total = line + 2
    text = _edit_line(text, total, "$   173      $    23      $     -      $    34      $   162",
                      "$   177      $    23      $     -      $    34      $   166")
    findings = [(f.check, f.location.line, f.location.column) for f in check(text).findings if f.severity == "error"]
    column = HARROW.split("\n")[line - 1].index("11") + 1
    assert ("carry_forward", line, column) in findings
    assert {c for c, _, _ in findings} == {"carry_forward", "row_identity", "column_total"}  # and the 1996 slip
    assert len([f for f in findings if f[0] == "carry_forward"]) == 2  # the row and the total


def test_one_year_tables_of_years_apart_stay_apart():
    pages = HARROW.split("<PAGE>")
    text = "<PAGE>".join(pages[:2] + pages[3:])  # 1997 and 1995: no 1996
    schedules = check(text).schedules
    assert [[p.fiscal_year for p in s.periods] for s in schedules] == [[1997], [1995]]


def test_one_year_tables_of_other_columns_stay_apart():
    pages = HARROW.split("<PAGE>")
    # The 1996 table without its column of charges to other accounts.
    page = re.sub(r"(?m)^(.{60}).{13}", r"\1", pages[2])
    schedules = check("<PAGE>".join(pages[:2] + [page] + pages[3:])).schedules
    assert len(schedules) == 3


def test_a_dash_escaped_rule_lays_out_where_it_was_before_its_escape():
    lines = auditor.schedules(source.from_text(HARROW, "harrow.txt"), auditor.load_rules())
    (schedule,) = lines
    # Column spans come from the <C> markers; the headings from the escaped
    # rule under them: every heading where it is printed, none shifted.
    assert [c.heading for c in schedule.columns] == [
        "COL. B Balance at Beginning of Period",
        "COL. C Additions (1) Charged to Costs and Expenses",
        "Additions (2) Charged to Other Accounts",
        "COL. D Deductions (Note 1)",
        "COL. E Balance at End of Period",
    ]


FENWICK = (FIXTURES / "fenwick-gauge-1997-untagged-rule-under-bare-group-caption.txt").read_text()


def _frame(text: str):
    """The headings and body start the text front end finds in a one-table file (title on line 2)."""
    src = source.from_text(text, "framed.txt")
    return layout.frame(parse.lines(src, Region(1, text.count("\n"), 2)), 2)


def test_a_group_caption_with_no_colon_over_a_rule_under_the_closed_headings_is_the_bodys():
    # "Reserves deducted from assets" over a rule, the headings' rule above the year's caption:
    # the caption and its rule open the body; the headings end at the headings' rule.
    frame = _frame(FENWICK)
    assert [text_of(ln.words) for ln in frame.headings][-1].startswith("DESCRIPTION")
    assert text_of(frame.lines[frame.body_start].words) == "YEAR ENDED DECEMBER 31, 1997"
    (schedule,) = check(FENWICK).schedules
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]


def test_an_account_heading_with_no_colon_over_the_headings_rule_stays_a_heading():
    # The same words as the label column's last heading line, no rule above them: the headings'
    # rule under them is the headings' (a heading line is not swallowed into the body).
    lines = FENWICK.split("\n")
    heading_rule = next(n for n, ln in enumerate(lines) if ln.startswith("-----"))
    text = "\n".join(lines[:heading_rule] + ["Allowance for doubtful accounts"] + lines[heading_rule:])
    frame = _frame(text)
    assert text_of(frame.headings[-1].words) == "Allowance for doubtful accounts"
    assert frame.label_heading.startswith("DESCRIPTION")


def test_an_account_caption_with_no_colon_over_a_rule_labels_its_dated_rows():
    # By account: "Allowance for doubtful accounts" over a rule, its rows labelled by their years;
    # the first account's caption was read as a heading line (its rows an unlabelled total).
    lines = FENWICK.split("\n")
    heading_rule = next(n for n, ln in enumerate(lines) if ln.startswith("-----"))
    rule = lines[heading_rule + 4]
    assert rule.strip().startswith("-----") and not rule.startswith("-")
    accounts = []
    for k, name in enumerate(["Allowance for doubtful accounts", "Reserve for inventory obsolescence"]):
        # (each account's rows: the fixture's, relabelled by their years)
        rows = [lines[heading_rule + 5 + k], lines[heading_rule + 12 + k]]
        dated = [f"  Year ended December 31, {year}".ljust(38) + row[38:] for year, row in zip((1997, 1996), rows)]
        accounts += ["", name, rule, *dated]
    text = "\n".join(lines[: heading_rule + 1] + accounts) + "\n"
    # (planted: 1997 opens 10 off, its row closing)
    text = text.replace("$ 1,127        $ 384        $ 296   $ 1,215", "$ 1,137        $ 384        $ 296   $ 1,225", 1)
    (schedule,) = check(text).schedules
    assert {r.label for p in schedule.periods for r in p.rows} == {
        "Allowance for doubtful accounts", "Reserve for inventory obsolescence"}
    planted = next(n for n, ln in enumerate(text.split("\n"), 1) if "1,137" in ln)
    errors = [(f.check, f.location.line) for f in check(text).findings if f.severity == "error"]
    assert errors == [("carry_forward", planted)]


KESTREL = (FIXTURES / "kestrel-instruments-1998-note-headings-in-tables.txt").read_text()


def test_a_notes_table_headed_inside_its_tags_is_no_page_of_the_schedule():
    # The notes after Schedule II print roll-forwards in its columns, each headed as a note:
    # "NOTE 5. ..." as the <TABLE>'s first line, "(6) INVENTORY RESERVES" over the table on a
    # new page, "7. Reserves" inside <CAPTION>.  None joins the schedule nor reads as one.
    (schedule,) = check(KESTREL).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1998, 1997]
    assert [[r.label for r in p.rows] for p in schedule.periods] == [
        ["Allowance for doubtful accounts", "Reserve for inventory obsolescence"]] * 2


def test_a_notes_table_headed_inside_its_tags_ends_the_schedule_however_typed():
    # Each heading alone, the other notes' tables gone: the same.
    pages = KESTREL.split("<PAGE>")
    for note in pages[2:]:
        text = "<PAGE>".join(pages[:2] + [note]) + ("" if "</TEXT>" in note else "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
        (schedule,) = check(text).schedules
        assert [len(p.rows) for p in schedule.periods] == [2, 2], note[:60]


MARLOWE = (FIXTURES / "marlowe-harness-1998-note-heading-under-schedule-table.txt").read_text()
THORNCLIFF = (FIXTURES / "thorncliff-loom-1996-untagged-note-headings-under-schedule.txt").read_text()


def _rows(schedule):
    return [[r.label for r in p.rows] for p in schedule.periods]


def test_a_notes_heading_typed_under_the_schedules_table_ends_it():
    # "(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS" right under the last year's </TABLE>, no page break,
    # no "(5)" printed in the schedule: the note's table is no year of the schedule's, nor a
    # schedule of its own; the tables whose first row is "Note 6 - ..." / "7. ..." neither.
    (schedule,) = check(MARLOWE).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1998, 1997]
    assert _rows(schedule) == [["Allowance for doubtful accounts", "Reserve for inventory obsolescence"]] * 2


def test_a_notes_heading_as_a_tables_first_row_ends_the_schedule():
    # Each note's table alone right under the schedule, no page break, its heading the first row.
    schedule_part, rest = MARLOWE.split("\n(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS\n", 1)
    tables = re.findall(r"<TABLE>\n<CAPTION>\n.*?</TABLE>\n", rest.split("<PAGE>", 1)[1], re.S)
    assert len(tables) == 2
    for table in tables:
        text = schedule_part + "\n" + table + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
        (schedule,) = check(text).schedules
        assert _rows(schedule) == [["Allowance for doubtful accounts", "Reserve for inventory obsolescence"]] * 2, table[-200:]


def test_a_footnote_under_a_years_table_is_the_schedules():
    # The footnote's marker printed in the headings, or the next of a run of footnotes ("(2)
    # Recoveries" under "(1) ...", its marker left out): the next year's table is the schedule's.
    for foot in ("(1) Uncollectible accounts written off and inventory scrapped",
                 "(1) Uncollectible accounts written off and inventory scrapped\n(2) Recoveries"):
        text = MARLOWE.replace("(1) Uncollectible accounts written off and inventory scrapped", foot)
        (schedule, *_) = check(text).schedules
        assert [p.fiscal_year for p in schedule.periods] == [1998, 1997], foot
    # Its marker left out of the headings, the footnote says what a column holds ("written off"):
    # still the table's footnote, 1997's table read (no silent loss of a year).
    unmarked = MARLOWE.replace(" " * 81 + "(1)\n", "")
    assert "(1)\n" not in unmarked.split("(1) Uncollectible")[0]
    (schedule, *_) = check(unmarked).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1998, 1997]


def test_a_notes_heading_under_an_untagged_schedule_ends_its_block():
    # Untagged: "NOTE 5. ..." and "(6) INVENTORY RESERVES" one blank line under the rows; the
    # notes' rows were read as 1995's (five rows).
    (schedule,) = check(THORNCLIFF).schedules
    assert _rows(schedule) == [["Allowance for doubtful accounts"]] * 2
    for heading in ("NOTE 5. ALLOWANCE FOR DOUBTFUL ACCOUNTS", "5. Allowance for Doubtful Accounts", "Note 5 - Receivables"):
        (schedule,) = check(THORNCLIFF.replace("NOTE 5. ALLOWANCE FOR DOUBTFUL ACCOUNTS", heading)).schedules
        assert _rows(schedule) == [["Allowance for doubtful accounts"]] * 2, heading


CARROW = (FIXTURES / "carrow-gasket-1997-numbered-footnotes-under-years-tables.txt").read_text()


def test_a_footnote_numbered_as_a_note_under_a_years_table_keeps_the_next_year():
    # "1. Uncollectible accounts" under a year's </TABLE>, its marker printed nowhere, naming no
    # column's movement: numbered as a note's heading is, but the next table is headed with the
    # first's words (a year leaving out a movement too): the next year's, under its footnote.
    (schedule,) = check(CARROW).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1997, 1996, 1995]
    assert _rows(schedule) == [["Allowance for doubtful accounts", "Reserve for excess inventory"]] * 3
    # The class as marlowe types it: "(1)" left out of the headings, the footnote "1. ...".
    unmarked = MARLOWE.replace(" " * 81 + "(1)\n", "").replace(
        "(1) Uncollectible accounts written off and inventory scrapped", "1. Uncollectible accounts")
    (schedule,) = check(unmarked).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1998, 1997]
    # A note numbered alone whose table prints a word the schedule's lacks is no year of it, with
    # a footnote above it or none; nor is a note headed by its word ("Note 6 - ...").
    for heading in ("6. Accrued Warranty", "Note 6 - Accrued Warranty"):
        for foot in ("1. Uncollectible accounts\n\n", ""):
            text = CARROW.replace("1. Uncollectible accounts\n\n6. Accrued Warranty\n", foot + heading + "\n")
            (schedule,) = check(text).schedules
            assert [p.fiscal_year for p in schedule.periods] == [1997, 1996, 1995], (heading, foot)
    # Nor is one headed with the schedule's very words where it names no year: a note's table of
    # its accounts ("Warranty"), not a year's.
    note_at = CARROW.index("6. Accrued Warranty")
    caption, body = CARROW.index("<CAPTION>", note_at), CARROW.index("<S>", note_at)
    same = CARROW[:caption] + CARROW[CARROW.index("<CAPTION>") : CARROW.index("<S>")] + CARROW[body:]
    (schedule,) = check(same).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1997, 1996, 1995]


PELHAM = (FIXTURES / "pelham-valve-1998-numbered-note-by-year-under-schedule.txt").read_text()


def test_a_numbered_notes_table_by_year_under_a_years_table_is_no_year_of_the_schedule():
    # "5. Reserves" numbered alone under the last year's </TABLE>, then a note's roll-forward
    # headed with the schedule's very words, its rows labelled "1998", "1997", "1996": it names
    # a year the schedule's tables printed already, so it is the note's, not the next year's (it
    # was read as a schedule of its own).
    (schedule,) = check(PELHAM).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1998, 1997]
    assert _rows(schedule) == [["Allowance for doubtful accounts"]] * 2
    # Captioned as a year's table is ("Year ended December 31, 1998:" over "Warranty"), the same.
    captioned = PELHAM.replace("5. Reserves\n\n", "5. Reserves\n\n", 1)
    at = captioned.index("5. Reserves")
    body = captioned.index("<S>", at)
    body = captioned.index("\n", body) + 1
    rows_end = captioned.index("</TABLE>", body)
    captioned = (captioned[:body] + "Year ended December 31, 1998:\nWarranty" + " " * 41
                 + "$  315            $  190      $  201         $  304\n" + captioned[rows_end:])
    (schedule,) = check(captioned).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1998, 1997]
    # Guard: a footnote numbered so under 1998's table ("1. Uncollectible accounts", marking
    # nothing) keeps 1997's table, a year not yet printed, as the next year (carrow's footnotes).
    footed = PELHAM.replace("</TABLE>\n\n<TABLE>", "</TABLE>\n1. Uncollectible accounts\n\n<TABLE>", 1)
    assert footed != PELHAM
    (schedule,) = check(footed).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1998, 1997]


ASHBY = (FIXTURES / "ashby-spindle-1996-untagged-footnote-and-note-heading-with-movement-word.txt").read_text()


def test_an_untagged_footnote_numbered_as_a_note_keeps_the_next_year():
    # Untagged: "1. Uncollectible accounts" under 1996's row, 1995's caption and row under it (a
    # year the rows above named none of): the rows' footnote, 1995 read (it was lost unsaid).
    (schedule,) = check(ASHBY).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1996, 1995]
    assert _rows(schedule) == [["Allowance for doubtful accounts"]] * 2
    for foot in ("(1) Uncollectible accounts", "1. Uncollectible accounts\n2. Recoveries"):
        (schedule,) = check(ASHBY.replace("1. Uncollectible accounts", foot)).schedules
        assert [p.fiscal_year for p in schedule.periods] == [1996, 1995], foot
    # Guard: a note's heading by its word there ends the table; a numbered line over a caption
    # naming 1996 again (a note's table copying the schedule's caption) does too.
    (schedule,) = check(ASHBY.replace("1. Uncollectible accounts", "NOTE 5. RESERVES")).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1996]
    copied = ASHBY.replace("NOTE 7. PROVISION FOR DOUBTFUL ACCOUNTS\n", "5. Reserves\n\nYear ended December 31, 1996:\n")
    (schedule,) = check(copied).schedules
    assert _rows(schedule) == [["Allowance for doubtful accounts"]] * 2


def test_a_notes_heading_by_its_word_naming_a_movement_ends_an_untagged_table():
    # "NOTE 7. PROVISION FOR DOUBTFUL ACCOUNTS" under 1995's row: a note by its word, typed as a
    # heading, though "provision" names a column's movement; its rows were read as 1995's.
    for heading in ("NOTE 7. PROVISION FOR DOUBTFUL ACCOUNTS", "Note 7 - Provision for Income Taxes"):
        (schedule,) = check(ASHBY.replace("NOTE 7. PROVISION FOR DOUBTFUL ACCOUNTS", heading)).schedules
        assert _rows(schedule) == [["Allowance for doubtful accounts"]] * 2, heading
    # Guard: a footnote so numbered saying what a column holds in words of its own ("Note 1 -
    # Uncollectible accounts written off") is no note's heading: the next year is still read.
    (schedule,) = check(ASHBY.replace("1. Uncollectible accounts", "Note 1 - Uncollectible accounts written off")).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1996, 1995]


def test_a_notes_heading_numbered_in_lower_case_ends_an_untagged_table():
    # "5. reserves and allowances" / "(5) allowance for doubtful accounts" under the last year's
    # row: a note numbered alone, its name typed in lower case; its rows were read as 1995's.
    for heading in ("5. reserves and allowances", "(5) allowance for doubtful accounts"):
        (schedule,) = check(ASHBY.replace("NOTE 7. PROVISION FOR DOUBTFUL ACCOUNTS", heading)).schedules
        assert _rows(schedule) == [["Allowance for doubtful accounts"]] * 2, heading
    # Guard: a footnote so typed under 1996's row, 1995's caption under it, keeps 1995.
    (schedule,) = check(ASHBY.replace("1. Uncollectible accounts", "1. uncollectible accounts")).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1996, 1995]


CORBY = (FIXTURES / "corby-loom-1996-untagged-numbered-capital-note-heading-by-year.txt").read_text()


def test_a_numbered_heading_in_capitals_over_its_own_table_ends_an_untagged_table():
    # "7. PROVISION FOR DOUBTFUL ACCOUNTS" under 1995's row, no "Note", naming a column's movement,
    # typed as a heading over a table of its own (headings, rule, rows by year): a note's; its
    # rows joined 1995's (the file refused).
    (schedule,) = check(CORBY).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1996, 1995]
    assert _rows(schedule) == [["Allowance for doubtful accounts"]] * 2
    # Guard: a footnote so numbered in capitals over the next year's caption is the rows'
    # footnote: the next year is still read.
    footed = CORBY.replace("$  854\n\n", "$  854\n1. UNCOLLECTIBLE ACCOUNTS WRITTEN OFF\n\n", 1)
    assert footed != CORBY
    (schedule,) = check(footed).schedules
    assert [p.fiscal_year for p in schedule.periods] == [1996, 1995]


FENWICK_CABLE = (FIXTURES / "fenwick-cable-1998-lower-case-numbered-note-under-year-tables.txt").read_text()


def test_a_lower_case_numbered_notes_heading_under_a_years_table_ends_the_schedule():
    # Tagged, a <TABLE> a year: "(5) allowance for doubtful accounts" in lower case under the last
    # year's table, marking nothing in it, over a note's table by customer: the note's (it was
    # read as a second schedule), as untagged text asks (`note_headings.opens_a_note`, any case).
    # Numbered in capitals naming a column's movement over its <TABLE> ("7. PROVISION ..."): a
    # heading over a table of its own, as untagged (corby-loom), the same.
    for heading in ("(5) allowance for doubtful accounts", "5. reserves for doubtful accounts",
                    "(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS", "7. PROVISION FOR DOUBTFUL ACCOUNTS",
                    "(7) PROVISION FOR BAD DEBTS"):
        (schedule,) = check(FENWICK_CABLE.replace("(5) allowance for doubtful accounts", heading)).schedules
        assert [p.fiscal_year for p in schedule.periods] == [1998, 1997], heading
    # Guard: a footnote so typed under 1998's table over the next year's table (a year not yet
    # printed) keeps 1997's table the schedule's.
    for foot in ("(2) uncollectible accounts written off and inventory scrapped", "(2) UNCOLLECTIBLE ACCOUNTS WRITTEN OFF"):
        footed = FENWICK_CABLE.replace("(1) Uncollectible accounts written off and inventory scrapped", foot)
        assert footed != FENWICK_CABLE
        (schedule,) = check(footed).schedules
        assert [p.fiscal_year for p in schedule.periods] == [1998, 1997], foot


BRACKENFIELD = (FIXTURES / "brackenfield-apparel-2001-heading-dash-alone-beside-a-word-clean.txt").read_text()


def test_a_heading_line_of_a_word_and_a_lone_dash_is_the_headings():
    # "BALANCE                  -": the dash of "Charged to other accounts - describe" typed on a line of
    # its own, under "ACCOUNTS" and over "DESCRIBE", above the headings' rule: a heading line, no row
    # (read as one, a period with no label and a nil, the headings' words under it lost).
    frame = _frame(BRACKENFIELD)
    assert text_of(frame.lines[frame.body_start].words) == "YEAR ENDED JUNE 30, 2001:"
    (schedule,) = check(BRACKENFIELD).schedules
    assert [p.label for p in schedule.periods] == ["YEAR ENDED JUNE 30, 2001", "YEAR ENDED JUNE 30, 2000"]
    assert [c.heading for c in schedule.columns] == [
        "BALANCE AT START", "PROVISION", "CHARGED TO OTHER ACCOUNTS - DESCRIBE", "UTILIZED", "AT END"]


def test_a_row_of_lone_dashes_under_a_captions_words_stays_a_row():
    # A row of nils under the headings' rule, its dashes under a long caption's words: the body's
    # (no headings' rule follows it), its five nils read.
    nils = "Allowance for obsolescence                 -           -         -           -           -"
    text = BRACKENFIELD.replace(
        "YEAR ENDED JUNE 30, 2001:\n",
        "YEAR ENDED JUNE 30, 2001:          RESERVES DEDUCTED FROM ASSETS OF THE COMPANY\n" + nils + "\n", 1)
    (schedule,) = check(text).schedules
    assert [p.label for p in schedule.periods] == ["YEAR ENDED JUNE 30, 2001", "YEAR ENDED JUNE 30, 2000"]
    first = schedule.periods[0].rows[0]
    assert first.label == "Allowance for obsolescence"
    assert [c.raw for c in first.cells] == ["-"] * 5


def _dash_fixture(name: str) -> str:
    return (FIXTURES / f"{name}-clean.txt").read_text()


def test_a_heading_dash_atop_its_stack_or_at_its_foot_is_the_headings():
    # A lone dash with nothing above it ("BALANCE   CHARGED   -", the first heading line), at the foot
    # of a stack set from the top ("EXPENSES   -" over the rule), or between heading words with no rule
    # to come ("BALANCE   CHARGED   -" over "DESCRIBE", a blank line, the rows): the headings' line, no
    # row (read as one, a period with no label and a nil, the headings' words lost).
    others = {
        "corvallis-fastener-1999-heading-dash-atop-a-stack": "- CHARGED TO OTHER ACCOUNTS",
        "ashdown-millworks-1999-heading-dash-alone-at-the-foot": "CHARGED TO OTHER ACCOUNTS -",
        "tillamook-cordage-1999-heading-dash-no-rule": "CHARGED TO OTHER ACCOUNTS - DESCRIBE",
    }
    for name, heading in others.items():
        text = _dash_fixture(name)
        frame = _frame(text)
        assert text_of(frame.lines[frame.body_start].words) == "YEAR ENDED DECEMBER 31, 1999:", name
        (schedule,) = check(text).schedules
        assert [p.label for p in schedule.periods] == ["YEAR ENDED DECEMBER 31, 1999", "YEAR ENDED DECEMBER 31, 1998"]
        assert schedule.columns[1].heading == "CHARGED TO COSTS AND EXPENSES", name
        assert schedule.columns[2].heading == heading, name


def test_a_heading_dash_alone_at_the_foot_of_its_stack_over_the_rule_is_the_headings():
    # The dash alone on the headings' last line (no other heading's word beside it: the provision's
    # "EXPENSES" left off), under "ACCOUNTS" and right over the headings' rule.
    text = _dash_fixture("ashdown-millworks-1999-heading-dash-alone-at-the-foot")
    text = text.replace("                                              EXPENSES       -\n", " " * 61 + "-\n")
    assert "\n" + " " * 61 + "-\n" in text
    (schedule,) = check(text).schedules
    assert [p.label for p in schedule.periods] == ["YEAR ENDED DECEMBER 31, 1999", "YEAR ENDED DECEMBER 31, 1998"]
    assert schedule.columns[2].heading == "CHARGED TO OTHER ACCOUNTS -"
    # The headings typed again a page on, within 1999's rows: the dash's line again the headings', not
    # a row of a nil (1999 then four rows, the table refused as cut off).
    from test_layout_noise import page_break, read
    broken = page_break(text, within=True)
    assert broken.count(" " * 61 + "-\n") == 2
    assert read(broken, "broken.txt") == read(text, "edited.txt")


def _placed(*words: tuple[int, str]) -> str:
    """A line of `words`, each (column its last character is in, text)."""
    line = ""
    for end, word in words:
        line = line.ljust(end - len(word)) + word
    return line + "\n"


# Right-aligned headings, a word over every figure column's last character (43, 55, 65, 77, 89).
RIGHT_HEADINGS = (_placed((43, "BALANCE"), (55, "CHARGED"), (65, "CHARGED"), (89, "BALANCE"))
                  + _placed((11, "DESCRIPTION"), (43, "AT START"), (55, "TO COSTS"), (65, "TO OTHER"),
                            (77, "DEDUCTIONS"), (89, "AT END")))
NILS_UNDER_HEADINGS = _placed((19, "Reserve for returns"), (43, "-"), (55, "-"), (65, "-"), (77, "-"), (89, "-"))


def test_a_row_of_nils_right_under_the_headings_stays_a_row():
    # A labelled row of nils typed right under the headings' last line, no rule between, each dash
    # under a heading's word: the body's first row (its label a label, at the left, no heading's word
    # over the figures beside its dashes), whether rows or a total's rule follow it.
    tillamook = _dash_fixture("tillamook-cordage-1999-heading-dash-no-rule")
    top, rest = tillamook.split("\n\nYEAR ENDED DECEMBER 31, 1999:\n", 1)
    top = top[:top.index("   " * 5 + "   CHARGED")].rstrip(" ")
    for after in ("YEAR ENDED DECEMBER 31, 1999:\n" + rest,
                  "-" * 31 + "   ---------  ----------  --------  ----------  ----------\n\nYEAR ENDED DECEMBER 31, 1999:\n" + rest):
        text = top + RIGHT_HEADINGS + NILS_UNDER_HEADINGS + after
        (schedule,) = check(text).schedules
        first = (schedule.periods[0].rows or schedule.periods[1].rows)[0]
        assert first.label == "Reserve for returns", text
        assert [c.raw for c in first.cells] == ["-"] * 5
        assert [c.heading for c in schedule.columns][2] == "CHARGED TO OTHER"


def test_a_heading_dash_with_other_headings_words_after_it_is_the_headings():
    # The dash left beside other headings' words that come after it on its line: at its heading's foot
    # one space after its word ("ACCOUNTS -   (DESCRIBE)   OF YEAR"), or atop its stack after another
    # heading's footnote marker ("Balance   (1)   -   Balance").  The grammar read the dash as a nil
    # and refused the words after it (d102ef4b: an input error); it is its heading's last or first word.
    others = {
        "quillan-harness-1999-heading-dash-before-other-headings-words": (
            "CHARGED TO OTHER ACCOUNTS -", "DEDUCTIONS (DESCRIBE)"),
        "sutter-creek-cannery-1999-heading-marker-then-dash": (
            "Col. D - Charged to other accounts", "Col. E Deductions"),
    }
    for name, headings in others.items():
        text = _dash_fixture(name)
        result = check(text)
        assert result.error is None, name
        (schedule,) = result.schedules
        assert [p.label for p in schedule.periods] == ["YEAR ENDED DECEMBER 31, 1999", "YEAR ENDED DECEMBER 31, 1998"]
        assert (schedule.columns[2].heading, schedule.columns[3].heading) == headings, name
        assert [len(p.rows) for p in schedule.periods] == [3, 3], name


QUILLAN = _dash_fixture("quillan-harness-1999-heading-dash-before-other-headings-words")


def test_a_labelled_nil_with_words_after_it_under_the_headings_stays_refused():
    # The same spelling in the body, a row's label then a lone dash one space after it and words
    # ("Reserve for returns -   (DISCONTINUED)"), with or without a nil after them, under the headings'
    # rule or right under the headings (no rule): no row the grammar reads, refused as on d102ef4b,
    # never read as a caption or as the headings (its nils lost) nor as a row labelled with the dash.
    # A row of nils there stays a row.
    rule = "-" * 31 + "   ---------  ----------  --------  ----------  ----------\n\n"
    unruled = QUILLAN.replace(rule, "", 1)
    assert unruled != QUILLAN
    for row in ("Reserve for returns -   (DISCONTINUED)\n",
                "Reserve for returns -   (DISCONTINUED)              -           -         -           -\n"):
        for table in (QUILLAN, unruled):
            text = table.replace("YEAR ENDED DECEMBER 31, 1999:\n", "YEAR ENDED DECEMBER 31, 1999:\n" + row, 1)
            result = auditor.check_source(source.from_text(text, "edited.txt"))
            assert result.error is not None, (row, text)
    text = unruled.replace("YEAR ENDED DECEMBER 31, 1999:\n", "Reserve for returns -   (DISCONTINUED)\n", 1)
    error = auditor.check_source(source.from_text(text, "edited.txt")).error
    assert error is not None and (error.line, error.column) == (13, 21)
    nils = "Reserve for returns                        -           -         -           -           -\n"
    (schedule,) = check(QUILLAN.replace("YEAR ENDED DECEMBER 31, 1999:\n", "YEAR ENDED DECEMBER 31, 1999:\n" + nils, 1)).schedules
    first = schedule.periods[0].rows[0]
    assert first.label == "Reserve for returns" and [c.raw for c in first.cells] == ["-"] * 5


DATED = {  # each fixture: its columns' headings
    "whitmore-saddlery-1999-heading-dash-beside-dated-balances": [
        "BALANCE AT DECEMBER 31", "CHARGED TO COSTS AND EXPENSES", "CHARGED TO OTHER ACCOUNTS -", "DEDUCTIONS (1)",
        "BALANCE AT DECEMBER 31"],
    "siskiyou-pump-1999-heading-dash-before-a-dated-balance": [
        "BALANCE AT BEGINNING OF YEAR", "CHARGED TO COSTS AND EXPENSES", "CHARGED TO OTHER ACCOUNTS -", "DEDUCTIONS (1)",
        "BALANCE AT DECEMBER 31"],
    "tehama-glassworks-1999-heading-dash-atop-dated-balances": [
        "BALANCE AT DECEMBER 31", "- CHARGED TO COSTS AND EXPENSES", "CHARGED TO OTHER ACCOUNTS ACQUIRED", "DEDUCTIONS",
        "BALANCE AT DECEMBER 31"],
}


def test_a_heading_dash_on_the_headings_line_that_dates_the_balances_is_the_headings():
    # The balances headed "BALANCE AT DECEMBER 31", the day on the headings' last line under its month,
    # and a heading's dash on that line ("31   EXPENSES   -   (1)   31", "OF YEAR   EXPENSES   -   (1)
    # 31"), or the dash alone atop a stack whose last line prints the day before other headings' words.
    # On 67dfc1c2 the headings' last line was read as a row ("DESCRIPTION 31 EXPENSES": a false
    # row_identity), or the dash as a row of its own and the headings as its label.
    for name, headings in DATED.items():
        result = check(_dash_fixture(name))
        (schedule,) = result.schedules
        assert [f.check for f in result.findings if f.severity == "error"] == [], name
        assert [p.label for p in schedule.periods] == ["YEAR ENDED DECEMBER 31, 1999", "YEAR ENDED DECEMBER 31, 1998"]
        assert [c.heading for c in schedule.columns] == headings, name
        assert [len(p.rows) for p in schedule.periods] == [3, 3], name


def test_a_row_under_dated_headings_stays_a_row_or_refused():
    # Right under the dated headings (ruled or not), a labelled row of nils, or of a nil, a marker-like
    # small negative and a day- or year-like figure, stays a row (its label at the left, no heading's
    # word over the figures); a labelled nil with words after it stays refused.
    rule = "-" * 31 + "   ---------  ---------  ---------  -----------  ---------\n\n"
    caption = "YEAR ENDED DECEMBER 31, 1999:\n"
    rows = {"Reserve for returns                        -          -          -            -          -\n":
            ["-"] * 5,
            "Reserve for returns                        -          -          -          (1)         31\n":
            ["-", "-", "-", "(1)", "31"],
            "Reserve for returns                        -          -          -          (1)       1999\n":
            ["-", "-", "-", "(1)", "1999"]}
    for name in list(DATED)[:2]:
        ruled = _dash_fixture(name)
        unruled = ruled.replace(rule, "", 1)
        assert unruled != ruled
        for table in (ruled, unruled):
            for row, cells in rows.items():
                (schedule,) = check(table.replace(caption, row + caption if table is unruled else caption + row, 1)).schedules
                first = (schedule.periods[0].rows or schedule.periods[1].rows)[0]
                assert (first.label, [c.raw for c in first.cells]) == ("Reserve for returns", cells), (name, row)
                assert schedule.columns[2].heading == "CHARGED TO OTHER ACCOUNTS -", (name, row)
            for row in ("Reserve for returns -   (DISCONTINUED)\n", "Reserve for returns -   (DISCONTINUED)   31\n"):
                text = table.replace(caption, row + caption if table is unruled else caption + row, 1)
                assert auditor.check_source(source.from_text(text, "edited.txt")).error is not None, (name, row)


def test_a_date_and_year_ending_the_headings_line_after_a_dash_or_marker_is_the_headings():
    # "DECEMBER" over "31, 1999" at the end of the headings' last line, a heading's dash or marker
    # before it ("EXPENSES   -   (2)   31, 1999"): the grammar read the dash and the "(2)" as a row's
    # figures and refused the "31," (67dfc1c2: an input error).  The day and its year, under the
    # month, are the headings' words; under the headings a labelled row stays a row, or refused.
    yolo = _dash_fixture("yolo-cartage-1999-heading-dash-before-a-dated-year-balance")
    marked = yolo.replace("EXPENSES      -          (2)", "EXPENSES     (1)         (2)", 1)
    assert marked != yolo
    for text, other in ((yolo, "CHARGED TO OTHER ACCOUNTS -"), (marked, "CHARGED TO OTHER ACCOUNTS (1)")):
        (schedule,) = check(text).schedules
        assert [c.heading for c in schedule.columns] == [
            "BALANCE AT BEGINNING OF YEAR", "CHARGED TO COSTS AND EXPENSES", other, "DEDUCTIONS (2)",
            "BALANCE AT DECEMBER 31, 1999"]
        assert [(p.fiscal_year, len(p.rows)) for p in schedule.periods] == [(1999, 3)]
    unruled = yolo.replace("-" * 31 + "   ---------  ---------  ---------  -----------  ----------\n\n", "", 1)
    assert unruled != yolo
    caption = "YEAR ENDED DECEMBER 31, 1999:\n"
    nils = "Reserve for returns                        -          -          -            -           -\n"
    (schedule,) = check(unruled.replace(caption, nils + caption, 1)).schedules
    first = (schedule.periods[0].rows or schedule.periods[1].rows)[0]
    assert (first.label, [c.raw for c in first.cells]) == ("Reserve for returns", ["-"] * 5)
    dated = "Reserve for returns                        -          -          -          (2)    31, 1999\n"
    assert auditor.check_source(source.from_text(unruled.replace(caption, dated + caption, 1), "e.txt")).error is not None


BRANTWOOD = _dash_fixture("brantwood-lantern-2003-years-alone-under-dated-balance-headings")
BRANTWOOD_HEADINGS = ["BALANCE AT DECEMBER 31, 2002", "CHARGED TO COSTS AND EXPENSES", "CHARGED TO OTHER ACCOUNTS (1)",
                      "DEDUCTIONS (2)", "BALANCE AT DECEMBER 31, 2003"]


def test_a_year_alone_under_its_dates_day_on_the_headings_line_is_the_headings():
    # One year's balances headed "BALANCE AT DECEMBER 31,", each date's year alone on the headings'
    # last line under its "31," ("DESCRIPTION   2002   EXPENSES   (1)   (2)   2003"), or beside a
    # heading's dash ("EXPENSES   -   (2)   2003", "EXPENSES -   (1)   - DESCRIBE   2003"); 5d4e31c4
    # read the line as a row labelled "DESCRIPTION 2002 EXPENSES" (a false row_identity), and refused
    # it with words after a dash.
    last = "DESCRIPTION                            2002      EXPENSES      (1)         (2)         2003\n"
    assert last in BRANTWOOD
    at_foot = BRANTWOOD.replace(last, "DESCRIPTION                            2002      EXPENSES       -          (2)         2003\n", 1)
    atop = BRANTWOOD.replace(last, "DESCRIPTION                            2002      EXPENSES -     (1)      - DESCRIBE     2003\n", 1)
    for text, headings in ((BRANTWOOD, BRANTWOOD_HEADINGS),
                           (at_foot, [*BRANTWOOD_HEADINGS[:2], "CHARGED TO OTHER ACCOUNTS -", *BRANTWOOD_HEADINGS[3:]]),
                           (atop, [BRANTWOOD_HEADINGS[0], "CHARGED TO COSTS AND EXPENSES -", *BRANTWOOD_HEADINGS[2:3],
                                   "DEDUCTIONS - DESCRIBE", BRANTWOOD_HEADINGS[4]])):
        result = check(text)
        (schedule,) = result.schedules
        assert [f.check for f in result.findings if f.severity == "error"] == []
        assert [c.heading for c in schedule.columns] == headings
        assert [(p.fiscal_year, len(p.rows)) for p in schedule.periods] == [(2003, 3)]


def test_a_row_under_a_headings_line_ending_a_date_before_its_year_stays_a_row():
    # Under a heading line whose dates end "31," (their years not printed), a labelled row whose figures
    # are year-like ("2002", "2,002") under them, markers or nils between, is a row (its label at the
    # left, no heading's word over the figures), ruled under the headings or not; so is a row of nils.
    last = "DESCRIPTION                            2002      EXPENSES      (1)         (2)         2003\n"
    caption = "YEAR ENDED DECEMBER 31, 2003\n"
    rule = [ln for ln in BRANTWOOD.splitlines(keepends=True) if ln.startswith("-----")][0]
    rows = {"Reserve for returns                       2002           -         (1)         (2)        2003\n":
            ["2002", "-", "(1)", "(2)", "2003"],
            "Reserve for returns                      2,002           -           -           -       2,002\n":
            ["2,002", "-", "-", "-", "2,002"],
            "Reserve for returns                          -           -           -           -           -\n":
            ["-"] * 5}
    for row, cells in rows.items():
        for ruled in (True, False):
            text = BRANTWOOD.replace(last, "", 1)
            text = text.replace(caption, caption + row, 1) if ruled else \
                text.replace(rule, "", 1).replace("<S>", "", 1).replace("<C>", "").replace(caption, row + caption, 1)
            (schedule,) = check(text).schedules
            labelled = [r for p in schedule.periods for r in p.rows if r.label == "Reserve for returns"]
            assert [[c.raw if c else None for c in r.cells] for r in labelled] == [cells], (row, ruled)


ACME = (FIXTURES / "acme-tool-1996-clean.txt").read_text()


def _read(result) -> list:
    return [(p.label, [(r.label, [c.raw for c in r.cells]) for r in p.rows]) for s in result.schedules for p in s.periods]


def test_a_title_blocks_line_the_grammar_cannot_read_as_a_row_is_read_as_words():
    """A registrant's name under the title opening on a number, or holding a number in parentheses, and a
    page line typed on the title's line are the title block's words: the table reads as it does without
    them.  The same line under the headings, where rows are, stays refused."""
    units = "                                           (In thousands)"  # (under the title: in the table's region)
    title = "                                 VALUATION AND QUALIFYING ACCOUNTS"
    as_typed = _read(check(ACME))
    for old, new in ((units, "                                    3 RIVERS FOUNDRY INC.\n" + units),
                     (units, "                           ACME TOOL & DIE CORPORATION (SEC CIK 21076)\n" + units),
                     (units, "                                 (SEC CIK 21076)\n" + units),
                     (title, "SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS (CONTINUED)      PAGE 2 OF 3")):
        assert ACME.count(old + "\n") == 1
        assert _read(check(ACME.replace(old + "\n", new + "\n"))) == as_typed, new
    body = ACME.replace("Year ended December 31, 1995:\n", "Year ended December 31, 1995:\n3 RIVERS FOUNDRY INC.\n")
    assert auditor.check_source(source.from_text(body, "edited.txt")).error is not None
