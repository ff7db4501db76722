"""Whole filings as filed (issue 12): the Schedule II found among what a 10-K
prints around it that looks like it, and read.

The 24 real tables (../shared/real-tables) are embedded by render_filing in a
whole filing of each era (typed 1993 and tagged 1997 SGML text submissions,
an HTML 10-K in a 1999 submission, a 2003 .htm, 2023 inline XBRL) with each
wrapper of decoys: an index line and the auditor's report naming the
schedule, notes rolling an allowance forward, notes rolling stock options and
a restructuring reserve forward right after the index, "Schedule II ...
omitted" in the 10-K with the schedule in an EX-99, Schedule III (with its
reconciliation) and the signatures after it, the exhibits EX-21, EX-23,
EX-27.  Expected errors come from the table's figures alone (expect.py).

What the tool does with a note's roll-forward (decided here, stop 25): a
note's table under its note's heading ("Note 5 - Inventories") is the note's,
never a Schedule II, even headed with Schedule II's own columns (balance at
beginning, charged to costs, deductions, balance at end): a 10-K that omits
Schedule II "because the information is in the notes" has no schedule, and
says so as every front end does ("no Schedule II found"), rather than report
a note's table as its schedule (before, HTML read it and text did not).  A
note's roll-forward is never taken as the table of a title that merely
mentioned the schedule either.  (Inline XBRL facts tagged with Schedule II's
concepts in a note are read as facts: test_a_note_tagged_...)

"combined-registrants": a combined 10-K prints a schedule per registrant,
each under its own title; each is read on its own (`Rendered.others`: the
second printing's figures), none joined to the one before as its next page.
"""

import json

import pytest

import auditor
from auditor import source
from auditor.frontends.text import locate
from auditor.labels import INDEX_ENTRY
from expect import apart, expected_errors, read_cells, reported_errors, schedules_of
from render_filing import ERAS, REFUSED, SUBMISSIONS, WRAPPERS, filing, omitted_filing

RULES = auditor.load_rules()
# Wrappers whose decoy is read on purpose: a note's figures tagged with Schedule
# II's concepts are facts of the schedule (ixbrl-2023; the other eras print it untagged).
FACTS_READ = ("notes-tagged", "all")


def _check(text: str, era: str):
    name = "filing.txt" if era in SUBMISSIONS else "filing.htm"
    return auditor.check_source(source.from_text(text, name), RULES)


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_real_tables_in_whole_filings_read_exactly(shared, era, wrapper):
    """Every printed figure read where printed, exactly the table's errors
    (or, for a habit the tool refuses where it cannot place every figure, an input error naming
    a line of the schedule, no finding)."""
    failures = []
    for path in sorted((shared / "real-tables").glob("*.json")):
        spec = json.loads(path.read_text())
        rendered = filing(spec, era, wrapper)
        result = _check(rendered.text, era)
        if result.error is not None and (wrapper, era) in REFUSED:
            lines = [f.line for f in rendered.figures]
            if result.findings or not min(lines) - 30 <= result.error.line <= max(lines):
                failures.append((path.stem, "refused elsewhere", str(result.error)))
            continue
        if result.error is not None:
            failures.append((path.stem, "input error", str(result.error)))
            continue
        read = read_cells(result.schedules)
        printings = [rendered, *rendered.others]  # (a combined filing: the schedule again, another registrant's)
        unread = [(f.line, f.start, f.raw) for r in printings for f in r.figures
                  if read.get((f.line, f.start), (None, "?"))[1] != f.value]
        if unread:
            failures.append((path.stem, "misread", unread[:3]))
            continue
        if not apart(result.schedules, printings):
            failures.append((path.stem, "printings joined", schedules_of(result.schedules, printings)))
            continue
        printed = {(f.line, f.start) for r in printings for f in r.figures}
        decoys = sorted(at for at in read if at not in printed)
        if decoys and wrapper not in FACTS_READ:
            failures.append((path.stem, "read outside the schedule", decoys[:3]))
            continue
        want = set().union(*(expected_errors(spec, r) for r in printings))
        got = reported_errors(result)
        if got != want:
            failures.append((path.stem, "errors", sorted(got - want), sorted(want - got)))
    assert failures == []


@pytest.mark.parametrize("era", ERAS)
def test_a_filing_that_omits_the_schedule_has_none(era):
    """The index names the schedule, the notes roll an allowance forward (one
    note headed with Schedule II's own columns), Item 14 says Schedule II is
    omitted: no table is one, and every era says so alike, no finding."""
    result = _check(omitted_filing(era), era)
    assert result.schedules == [] and result.findings == []
    assert "no Schedule II found" in str(result.error)


@pytest.mark.parametrize("era", ("html-1999", "html-2003", "ixbrl-2023"))
@pytest.mark.parametrize("heading", ["5. Inventories", "(5) Inventories", "5 - Inventories", "NOTE 5 \u2014 Inventories"])
def test_a_note_numbered_without_the_word_note_keeps_its_table(era, heading):
    """The note headed with Schedule II's columns under its heading numbered
    as 10-Ks number notes: still the note's, no schedule."""
    result = _check(omitted_filing(era).replace("Note 5 - Inventories", heading, 1), era)
    assert result.schedules == [] and "no Schedule II found" in str(result.error)


def test_a_note_headed_like_the_schedule_under_no_note_heading_is_still_read(shared):
    """What the note's heading decides: the same table, its "Note 5 -
    Inventories" heading taken away, is read as a schedule under no title
    (HTML: a table headed with Schedule II's columns, as before)."""
    text = omitted_filing("html-2003").replace("Note 5 - Inventories", "Inventories", 1)
    result = _check(text, "html-2003")
    assert result.error is None and result.findings == []
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "writeoffs", "ending"]


def _lines(text: str) -> list:
    return text.split("\n")


def test_a_note_heading_ends_a_mention_s_reach():
    """The index's line, then a page break and "NOTE 9 -- STOCK OPTIONS" over
    an activity table whose first row is an opening balance: no schedule."""
    text = "\n".join([
        "INDEX TO FINANCIAL STATEMENT SCHEDULES",
        "Schedule II -- Valuation and Qualifying Accounts                 S-2",
        "<PAGE>",
        "NOTE 9 -- STOCK OPTIONS",
        "",
        "<TABLE>",
        "<CAPTION>",
        "                                              SHARES     PRICE",
        "<S>                                         <C>          <C>",
        "Outstanding at beginning of year              812,500    $ 14.20",
        "Granted                                       140,000      18.75",
        "Outstanding at end of year                    952,500    $ 15.31",
        "</TABLE>",
    ])
    assert locate.regions(source.from_text(text, "x.txt")) == []
    assert locate.heads_another_statement(_lines(text), 4)


@pytest.mark.parametrize("line,other", [
    ("NOTE 9 -- STOCK OPTIONS", True),
    ("Note 4. Receivables", True),
    ("NOTE 12:", True),
    ("                                 SCHEDULE III", True),
    ("Schedule IV -- Mortgage Loans on Real Estate", True),
    ("SCHEDULE II (continued)", False),  # the schedule's own title
    ("Notes receivable from officers            1,200      1,100", False),
    ("Allowance for doubtful accounts", False),
])
def test_what_heads_another_statement(line, other):
    assert locate.heads_another_statement([line, "", ""], 1) is other


def test_a_numbered_schedule_over_the_title_is_the_schedule():
    """1993's numbering: "SCHEDULE VIII" over "VALUATION AND QUALIFYING ACCOUNTS"."""
    lines = ["                SCHEDULE VIII", "", "        VALUATION AND QUALIFYING ACCOUNTS"]
    assert not locate.heads_another_statement(lines, 1)


@pytest.mark.parametrize("line,entry", [
    ("Schedule II -- Valuation and Qualifying Accounts .....................   S-2", True),
    ("Schedule II - Valuation and Qualifying Accounts....... 47", True),
    ("SCHEDULE II--VALUATION AND QUALIFYING ACCOUNTS", False),
    ("         SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS   (in thousands)", False),
])
def test_an_index_entry_is_told_by_its_leaders_to_a_page(line, entry):
    assert bool(INDEX_ENTRY.search(line)) is entry


def test_a_footnote_above_a_page_break_keeps_the_continuation(shared):
    """A note under the table ("Note 1: ...") before the <PAGE> is its footnote,
    not a note's heading: the rows on the next page are still the schedule's."""
    from render import Layout, render

    spec = json.loads((shared / "real-tables" / "chattem-2006.json").read_text())
    text = render(spec, Layout(table_tags=False, page_break="page_tag", break_after=3, period_style="keep")).text
    at = text.index("<PAGE>")
    noted = text[:at] + "Note 1: Deductions are accounts written off, net of recoveries.\n\n\n" + text[at:]
    rows = []
    for each in (text, noted):
        result = _check(each, "text-1997")
        assert result.error is None
        (schedule,) = result.schedules
        rows.append(sum(len(p.rows) for p in schedule.periods))
    assert rows[1] == rows[0] == sum(1 for p in spec["periods"] for r in p["rows"] if r["cells"])


def test_a_note_tagged_with_schedule_ii_concepts_is_read_once_as_facts(shared):
    """The allowance note tagged with Schedule II's own concepts before the
    schedule (ixbrl-2023, "notes-tagged"): its facts make one reserve's three
    years, each fact once (the balance at 2002's end, tagged as 2003's
    opening too, is one carry), no finding; the note printed and tagged twice
    adds nothing."""
    import render_filing

    spec = json.loads((shared / "real-tables" / "chattem-2006.json").read_text())
    text = filing(spec, "ixbrl-2023", "notes-tagged").text
    note = render_filing._html_tagged_note()
    for doubled in (text, text.replace(note, note + note, 1)):
        result = _check(doubled, "ixbrl-2023")
        assert result.error is None and result.findings == []
        (facts,) = [s for s in result.schedules if s.source == "xbrl"]
        assert [[[c.raw for c in r.cells] for r in p.rows] for p in facts.periods] == [
            [["987", "301", "254", "1,034"]], [["1,034", "388", "212", "1,210"]], [["1,210", "412", "365", "1,257"]]]


@pytest.mark.parametrize("edit", [
    ("CONSOLIDATED VALUATION AND QUALIFYING ACCOUNTS", "CONSOLIDATED VALUATION AND QUALIFYING ACCOUNTS            S-2"),
    ("CONSOLIDATED VALUATION AND QUALIFYING ACCOUNTS", "CONSOLIDATED VALUATION AND QUALIFYING ACCOUNTS........ F-34")])
def test_a_schedules_own_title_ending_in_its_page_is_its_title_where_no_other_is(edit):
    # (an index's line names the schedule's page at its end; so may the schedule's own title, printed with
    # its page: where no title but such a line heads a schedule, the table under it is the schedule)
    from conftest import FIXTURES

    text = (FIXTURES / "lantronix-2003.txt").read_text().replace(*edit, 1)
    result = auditor.check_source(source.from_text(text, "exhibit.txt"), auditor.load_rules())
    assert result.error is None, result.error.message
    assert [(f.check, f.period, f.row) for f in result.findings] == [
        (f.check, f.period, f.row) for f in auditor.check_file(str(FIXTURES / "lantronix-2003.txt")).findings]
