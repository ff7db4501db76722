"""Inline XBRL habits of combined 10-Ks and of a tagging slip (tests/fixtures/xbrl/_make.py):

- linden-power-2023-ixbrl-legal-entity-*: a subsidiary registrant's page, every
  context also on dei:LegalEntityAxis (the totals' on that axis alone): the member
  every fact names says whose schedule it is, not which reserve a row is;
- aspen-energy-2023-ixbrl-two-registrants-*: the parent's Schedule II, then its
  subsidiary's under a title of its own, the same accounts and years: two schedules,
  never one table continued (which read the years twice and broke every carry-forward);
- birch-optics-2023-ixbrl-scale-slip*: a table headed "(in millions)" whose facts are
  scale="3": said once, at the first figure, and a wrong tag still found at its cell;
- cedar-foods-2023-ixbrl-rounded-duplicates-*: each figure tagged again in ix:hidden in
  millions to one decimal (decimals="-5"): XBRL's consistent duplicates, no conflict;
  the -inconsistent copy's one rounded fact says another figure: found at its element;
- elm-farms-2023-ixbrl-gross-note-*: the credit losses given again outside the schedule in
  us-gaap's receivable concepts, in the reserve's contexts (the balance sheet's current
  part; a note's gross write-offs and recoveries): no column, balance or conflict of the
  schedule's facts; a flipped deduction's tag still found at its cell;
- larch-mining-2023-ixbrl-consolidated-entity-*: one reserve, every context also on
  srt:ConsolidatedEntitiesAxis: an entity's axis, set aside, the facts read by their reserve;
- juniper-gas-2023-ixbrl-one-geography-*: one reserve, every context also on
  srt:StatementGeographicalAxis: the reserve axis's member is the row, the other set aside;
- ivy-chemicals-2023-ixbrl-note-after-*: the schedule, then a note ("Note 5 — ...") printing
  its table again: the note's table is no page of the schedule (its prose no label);
- hornbeam-dairy-2023-ixbrl-excluded-marker-*: a marker in ix:exclude inside a figure's
  fact: printed as the figure's marker, not a second figure (the table is read);
- walnut-paper-2023-ixbrl-restated-note-*: one reserve tagged with no member, a note after
  it giving 2022 as previously reported on srt:RestatementAxis: no row of the facts' schedule;
- maple-foods-2023-ixbrl-exhibit-*.txt: the schedule in EX-99.1 of a submission, its contexts
  in the exhibit's own ix:header: its facts are read and a flipped tag found at its cell;
- quince-textiles-2020-ixbrl-adjusted-balance-*: "Balance at Beginning of Year, as Adjusted"
  after the adoption's column: a balance within the row, checked by VQ009; a wrong one found there;
- sumac-paints-2020-ixbrl-adoption-release-*: a release on adoption tagged with the deductions'
  concept (the amount taken): it subtracts; a sign="-" on it found at its cell;
- hickory-brands-2020-ixbrl-adoption-*: a column "Adoption of ASC 326", its facts the balance at
  the day before the year on srt:CumulativeEffectPeriodOfAdoptionAxis: a movement of 2020 (the
  table's and the facts' rows close), no reserve; a flipped adoption tag found at its cell;
- hawthorn-seeds-2023-ixbrl-nil-words-*: each nil printed "no" under ixt-sec:numwordsen: a nil by
  its format, the table read (s30 left it unread, the facts checked alone); a misprinted charge found;
- yarrow-farms-2023-ixbrl-group-labels-*, -group-labels-wide-*, -group-caption-single-*: each reserve's
  label in a row of its own (its cell across the table or not) over its figures' row, whose label
  cell is empty (or, one reserve, its caption "...:"): the phrase is that row's label (s32: the rows were read as
  unlabelled totals, a misprinted charge's column total missed);
- yew-valley-2023-ixbrl-label-at-page-foot-*: the same labels, a page break between one's label and
  its figures (the next page's first row): the label carried over the break (s32: an unlabelled
  total, its misprinted charge's column total missed);
- tamarack-tools-2023-ixbrl-note-schedule-*: the schedule as Item 8's last note, a table of the
  receivables between its title and the schedule's table, balances headed by date: the title's
  table is the schedule's, past the receivables' (s32: no table read, the facts checked alone);
- teasel-looms-2023-ixbrl-note-block-*, upland-grain-2023-ixbrl-note-letters-*: the schedule under a
  note's own title ("Note 21. Allowances and Reserves"), its text block tagged with the schedule's
  concept, or its columns lettered "Column A" ... "Column E": read as the schedule (s33: no table
  read, the facts checked alone, VX003);
- sedge-pumps-2023-ixbrl-note-dated-*: teasel's note, the receivables' table first, the balances
  headed by date ("Balance at January 1", no "beginning"): the table is found by the text block
  it is printed in (s33: no table read, VX003).
- osier-realty-2023-ixbrl-schedule-iv-in-block-*: Schedule II, then Schedule IV (its loans, their
  reconciliation headed with Schedule II's columns) in the one text block tagged with Schedule II's
  concept: Schedule IV's heading ends Schedule II's reach, its reconciliation is never read (s33:
  read as an untitled Schedule II, "Reconciliation of mortgage loans" its rows).
- wattle-realty-2023-ixbrl-schedule-iv-title-row-*: osier's page, Schedule IV's heading typed as the first
  row of its loans' table (s34: its reconciliation read as Schedule II, the text between tables alone read);
- wisteria-goods-2023-ixbrl-note-letters-balance-at-*: upland's lettered note under the filer's own block,
  both balances headed "Balance at" alone (s34: no table found, VX003).
- jessamine-fixtures-2023-ixbrl-note-title-row-after-*: the schedule's text block holding after the schedule's
  table a note's roll-forward of the warranty reserve (Schedule II's columns), its heading "NOTE 7. PRODUCT
  WARRANTY RESERVE" typed as its table's first row (s35: read as a second, untitled Schedule II, its rows
  labelled by the note's heading).
- quillon-meters-2023-ixbrl-whole-10k-gofiler-*: the schedule inside a whole 10-K as Novaworks GoFiler writes
  it (every cell's text in a styled <p>, page numbers in "<!-- Field: Page -->" comments before each break):
  the cover page, a table of contents and Item 15's index naming Schedule II and its page, statements tagged
  with no member (the balance sheet's allowance, the equity statement's balances rolled forward), a warranty
  note's roll-forward, the exhibit index, the signatures (s37: read as filed; pinned, nothing changed).
"""

from __future__ import annotations

import re

import pytest

import auditor
from auditor import source
from conftest import FIXTURES

RULES = auditor.load_rules()
PAGES = FIXTURES / "xbrl"


def check(name: str):
    text = (PAGES / name).read_text("utf-8")
    return text, auditor.check_source(source.from_text(text, name), RULES)


def failed(result) -> list:
    return [f for f in result.findings if f.severity != "info"]


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_a_subsidiary_registrants_facts_are_read_by_their_reserve_members():
    _, clean = check("linden-power-2023-ixbrl-legal-entity-clean.htm")
    assert failed(clean) == []
    facts = [s for s in clean.schedules if s.source == "xbrl"]
    rows = [r.label for r in facts[0].periods[0].rows] if facts else []
    assert len(rows) == 3 and rows[0].startswith("Allowance for credit loss")  # (each reserve's member, the total)
    text, wrong = check("linden-power-2023-ixbrl-legal-entity-wrong-member.htm")
    assert [(f.rule, f.row, f.column) for f in failed(wrong)] == [
        ("VX002", "Deferred tax asset valuation allowance", "charged_costs")]
    assert failed(wrong)[0].location.line == line_of(text, 'id="f-7"')


def test_a_combined_10k_prints_two_schedules_each_checked_on_its_own():
    _, clean = check("aspen-energy-2023-ixbrl-two-registrants-clean.htm")
    assert failed(clean) == []
    tables = [s for s in clean.schedules if s.source == "table"]
    assert [len(t.periods) for t in tables] == [2, 2]
    text, wrong = check("aspen-energy-2023-ixbrl-two-registrants-wrong-figure.htm")
    assert sorted((f.rule, f.row) for f in failed(wrong)) == [("VQ001", "Allowance for credit losses"),
                                                              ("VQ002", "Total")]
    second = text.index("Aspen Utility Company")
    assert all(f.location.line > text[:second].count("\n") for f in failed(wrong))


def test_facts_scaled_to_thousands_under_a_millions_heading_are_reported_once():
    text, slipped = check("birch-optics-2023-ixbrl-scale-slip.htm")
    found = failed(slipped)
    assert [(f.rule, f.row, f.column) for f in found] == [("VX001", "Allowance for credit losses", "beginning")]
    assert 'scale="3" (thousands) where the table states its figures in millions' in found[0].message
    text, wrong = check("birch-optics-2023-ixbrl-scale-slip-wrong-sign.htm")
    found = failed(wrong)
    assert [(f.rule, f.column) for f in found] == [("VX001", "beginning"), ("VX001", "deductions")]
    assert found[1].location.line == line_of(text, 'id="f-4"') and "sign" in found[1].message


def test_duplicates_at_a_coarser_precision_agree_and_an_inconsistent_one_is_found():
    _, clean = check("cedar-foods-2023-ixbrl-rounded-duplicates-clean.htm")
    assert failed(clean) == []
    text, wrong = check("cedar-foods-2023-ixbrl-rounded-duplicates-inconsistent.htm")
    assert [(f.rule, f.column, f.source) for f in failed(wrong)] == [("VX002", "charged_costs", "xbrl")]
    assert failed(wrong)[0].location.line == line_of(text, 'id="r-2"')


def _facts(result):
    return next(s for s in result.schedules if s.source == "xbrl")


def test_a_second_cut_of_a_reserve_in_receivable_concepts_is_no_part_of_the_schedule():
    _, clean = check("elm-farms-2023-ixbrl-gross-note-clean.htm")
    assert failed(clean) == []
    facts = _facts(clean)
    assert [c.heading for c in facts.columns if "AccountsReceivable" in c.heading] == []
    assert sum("second cut" in n for n in facts.notes) == 8  # (2 current parts, 2 write-offs, 2 recoveries, 2 of 2021)
    assert sorted(p.label for p in facts.periods) == ["Year ended 2022-12-31", "Year ended 2023-12-31"]
    text, wrong = check("elm-farms-2023-ixbrl-gross-note-wrong-sign.htm")
    assert [(f.rule, f.row, f.column) for f in failed(wrong)] == [("VX001", "Allowance for credit losses", "deductions")]
    assert failed(wrong)[0].location.line == line_of(text, 'id="f-4"')


@pytest.mark.parametrize("page", ["larch-mining-2023-ixbrl-consolidated-entity", "juniper-gas-2023-ixbrl-one-geography"])
def test_a_whose_member_on_every_context_of_one_reserve_is_set_aside(page):
    _, clean = check(f"{page}-clean.htm")
    assert failed(clean) == []
    assert [r.label for r in _facts(clean).periods[0].rows] == ["Allowance for credit loss"]  # (its member named)
    text, wrong = check(f"{page}-wrong-sign.htm")
    assert [(f.rule, f.row, f.column) for f in failed(wrong)] == [("VX001", "Allowance for credit losses", "deductions")]
    assert failed(wrong)[0].location.line == line_of(text, 'id="f-4"')


def test_a_marker_excluded_inside_a_figures_fact_is_its_marker():
    _, clean = check("hornbeam-dairy-2023-ixbrl-excluded-marker-clean.htm")
    assert failed(clean) == [] and [f for f in clean.findings if f.check == "table_unread"] == []
    table = next(s for s in clean.schedules if s.source == "table")
    assert table.periods[0].rows[0].cells[3].value == 611
    text, wrong = check("hornbeam-dairy-2023-ixbrl-excluded-marker-wrong-sign.htm")
    assert [(f.rule, f.row, f.column, f.source) for f in failed(wrong)] == [
        ("VX001", "Allowance for credit losses", "deductions", "table")]
    assert failed(wrong)[0].location.line == line_of(text, 'id="f-4"')


def test_a_table_after_a_notes_heading_is_no_continuation_of_the_schedule():
    _, clean = check("ivy-chemicals-2023-ixbrl-note-after-clean.htm")
    assert failed(clean) == []
    tables = [s for s in clean.schedules if s.source == "table"]
    assert [len(t.periods) for t in tables] == [2]
    assert [r.label for r in tables[0].periods[0].rows] == ["Allowance for credit losses",
                                                            "Deferred tax asset valuation allowance", "Total"]
    text, wrong = check("ivy-chemicals-2023-ixbrl-note-after-wrong-sign.htm")
    assert [(f.rule, f.row, f.column) for f in failed(wrong)] == [("VX001", "Allowance for credit losses", "deductions")]
    assert failed(wrong)[0].location.line == line_of(text, 'id="f-4"')


@pytest.mark.parametrize("name", ["walnut-paper-2023-ixbrl-restated-note", "maple-foods-2023-ixbrl-exhibit"])
def test_a_restated_note_and_an_exhibits_own_header_leave_the_facts_read_by_their_reserve(name):
    """A reserve's figures as previously reported (srt:RestatementAxis) are no row (stop 27
    summed them into the total: false column-total errors); a schedule in an exhibit whose
    contexts are in the exhibit's ix:header is read from its facts (stop 27 read none)."""
    suffix = ".txt" if "exhibit" in name else ".htm"
    _, clean = check(name + "-clean" + suffix)
    assert failed(clean) == []
    facts = [s for s in clean.schedules if s.source == "xbrl"]
    assert facts and all("previously" not in r.label.lower() for p in facts[0].periods for r in p.rows)
    text, wrong = check(name + "-wrong-sign" + suffix)
    assert [(f.rule, f.row, f.column) for f in failed(wrong)] == [("VX001", "Allowance for credit losses", "deductions")]
    assert failed(wrong)[0].location.line == line_of(text, 'id="f-4"')


@pytest.mark.parametrize("sources", ["both", "xbrl"])
def test_an_adoption_adjustment_is_a_movement_of_the_year_it_opens(sources):
    """ASC 326's cumulative effect, tagged as the balance at 2019-12-31 on the adoption
    member (the total's on it alone): read as 2020's "adoption" movement, in the table and
    in the facts (stop 28 left the facts out, so the facts' 2020 rows failed by its amount),
    never a reserve of its own; a sign="-" its print denies is found at the printed figure."""
    text = (PAGES / "hickory-brands-2020-ixbrl-adoption-clean.htm").read_text("utf-8")
    clean = auditor.check_source(source.from_text(text, "t.htm"), RULES, sources=sources)
    assert failed(clean) == []
    facts = [s for s in clean.schedules if s.source == "xbrl"][0]
    assert [c.role for c in facts.columns] == ["beginning", "adoption", "charged_costs", "deductions", "ending"]
    assert [len(p.rows) for p in facts.periods] == [3, 3]
    adopted = {r.label: r.cells[1] for p in facts.periods for r in p.rows if r.cells[1] is not None}
    assert {label: cell.value for label, cell in adopted.items()} == {"Allowance for credit loss": 315, "Total (no member)": 315}
    text, wrong = check("hickory-brands-2020-ixbrl-adoption-wrong-sign.htm")
    if sources == "both":
        assert [(f.rule, f.row, f.column) for f in failed(wrong)] == [("VX001", "Allowance for credit losses", "adoption")]
        assert failed(wrong)[0].location.line == line_of(text, 'id="f-2"')


@pytest.mark.parametrize("sources", ["both", "xbrl"])
def test_a_balance_printed_as_adjusted_is_checked_against_the_adoption_it_follows(sources):
    """Quince Textiles prints "Balance at Beginning of Year, as Adjusted" after the adoption's
    column, tagged on srt's adjusted balance member: a balance within the row (stop 29 read it as
    a movement, every 2020 row failing by the balance), the row closing from the balance at
    beginning through every movement; a wrong adjusted balance (printed and tagged so) is found by
    VQ009 at its cell, the diagnosis naming it."""
    text = (PAGES / "quince-textiles-2020-ixbrl-adjusted-balance-clean.htm").read_text("utf-8")
    clean = auditor.check_source(source.from_text(text, "t.htm"), RULES, sources=sources)
    assert failed(clean) == []
    if sources == "both":
        table = [s for s in clean.schedules if s.source == "table"][0]
        assert [(c.role, c.effect) for c in table.columns][:3] == [("beginning", "opening"), ("adoption", "add"),
                                                                   ("adjusted", "adjusted")]
    text, wrong = check("quince-textiles-2020-ixbrl-adjusted-balance-wrong-figure.htm")
    if sources == "both":
        assert [(f.rule, f.row, f.column) for f in failed(wrong)] == [
            ("VQ009", "Allowance for credit losses", "adjusted"), ("VQ002", "Total", "adjusted")]
        cell = text.index(">1,755<")
        assert failed(wrong)[0].location.line == text.count("\n", 0, cell) + 1


@pytest.mark.parametrize("sources", ["both", "xbrl"])
def test_an_adoption_tagged_with_a_subtracting_concept_takes_its_amount_away(sources):
    """Sumac Paints' adoption is a release, printed "(215)" and tagged with the deductions'
    concept on the adoption member, 215 positive (the amount taken): it subtracts (stop 29 read
    every adoption's concept as adding, a false VX001 at the cell); a sign="-" on it is found at
    its cell."""
    text = (PAGES / "sumac-paints-2020-ixbrl-adoption-release-clean.htm").read_text("utf-8")
    clean = auditor.check_source(source.from_text(text, "t.htm"), RULES, sources=sources)
    assert failed(clean) == []
    facts = [s for s in clean.schedules if s.source == "xbrl"][0]
    assert [c.effect for c in facts.columns if c.role == "adoption"] == ["subtract"]
    text, wrong = check("sumac-paints-2020-ixbrl-adoption-release-wrong-sign.htm")
    if sources == "both":
        assert [(f.rule, f.row, f.column) for f in failed(wrong)] == [("VX001", "Allowance for credit losses", "adoption")]
        assert failed(wrong)[0].location.line == line_of(text, 'id="f-2"')


def test_a_nil_printed_as_a_word_its_format_reads_as_zero_is_a_nil_of_the_table():
    """ixt-sec:numwordsen's "no" is zero by the fact's format (not labels.NIL, for every front
    end: "No" begins labels): the printed table is read, each "no" a nil at its cell, and a
    misprinted charge (printed and tagged so) is found at its printed figure."""
    _, clean = check("hawthorn-seeds-2023-ixbrl-nil-words-clean.htm")
    assert [f for f in clean.findings if f.severity in ("warning", "error")] == []
    table = [s for s in clean.schedules if s.source == "table"]
    assert len(table) == 1
    nils = [c for p in table[0].periods for r in p.rows for c in r.cells if c is not None and c.raw == "no"]
    assert nils and all(c.value is None for c in nils)
    text, wrong = check("hawthorn-seeds-2023-ixbrl-nil-words-wrong-figure.htm")
    assert sorted((f.rule, f.row) for f in failed(wrong)) == [("VQ001", "Allowance for credit losses"),
                                                              ("VQ002", "Total")]
    assert failed(wrong)[0].location.line == line_of(text, 'id="f-2"')


@pytest.mark.parametrize("page, rules", [("group-labels", [("VQ001", "Allowance for credit losses"), ("VQ002", "Total")]),
                                         ("group-labels-wide", [("VQ001", "Allowance for credit losses"), ("VQ002", "Total")]),
                                         ("label-at-page-foot", [("VQ001", "Deferred tax asset valuation allowance"),
                                                                 ("VQ002", "Total")]),
                                         ("group-caption-single", [("VQ001", "Allowance for credit losses")])])
def test_a_label_printed_over_its_figures_row_names_that_row(page, rules):
    """A reserve's label alone in a row, its figures in the next under an empty label cell: the
    label's row (read as an unlabelled total it hid the column total's error), clean where clean,
    a misprinted charge found at its row and, with two reserves, in its column's total."""
    company = "yew-valley" if page == "label-at-page-foot" else "yarrow-farms"
    _, clean = check(f"{company}-2023-ixbrl-{page}-clean.htm")
    assert failed(clean) == []
    table = [s for s in clean.schedules if s.source == "table"]
    assert [r.label for r in table[0].periods[0].rows][:1] == ["Allowance for credit losses"]
    text, wrong = check(f"{company}-2023-ixbrl-{page}-wrong-figure.htm")
    assert sorted((f.rule, f.row) for f in failed(wrong)) == rules
    row = next(f for f in failed(wrong) if f.rule == "VQ001")
    changed = 'id="f-7"' if page == "label-at-page-foot" else 'id="f-2"'  # (the misprinted charge)
    assert row.location.line == line_of(text, changed)  # (the figures' row, not the label's)


def test_a_note_titled_as_the_schedule_with_another_table_first_is_read_from_its_schedules_table():
    """"Note 21. Valuation and Qualifying Accounts", a table of the receivables, then the schedule's
    table (its balances headed "Balance at January 1"): the printed schedule is read (not the facts
    alone, VX003), its years not the receivables' (no VQ006); a misprinted charge found at its row."""
    _, clean = check("tamarack-tools-2023-ixbrl-note-schedule-clean.htm")
    assert [f for f in clean.findings if f.severity in ("warning", "error")] == []
    table = [s for s in clean.schedules if s.source == "table"]
    assert len(table) == 1 and len(table[0].periods) == 2
    text, wrong = check("tamarack-tools-2023-ixbrl-note-schedule-wrong-figure.htm")
    assert sorted((f.rule, f.row) for f in failed(wrong)) == [("VQ001", "Allowance for credit losses"), ("VQ002", "Total")]
    assert next(f for f in failed(wrong) if f.rule == "VQ001").location.line == line_of(text, 'id="f-2"')


@pytest.mark.parametrize("page", ["teasel-looms-2023-ixbrl-note-block", "upland-grain-2023-ixbrl-note-letters",
                                  "sedge-pumps-2023-ixbrl-note-dated"])
def test_a_note_under_its_own_title_that_the_filing_calls_the_schedule_is_read(page):
    """"Note 21. Allowances and Reserves" over a table with Schedule II's columns, the filing saying
    it is the schedule (its text block tagged srt:ScheduleOfValuationAndQualifyingAccountsDisclosure-
    TextBlock, or its columns lettered as Rule 12-09 letters them): the printed table is read (not the
    facts alone, VX003); a misprinted charge found at its row."""
    _, clean = check(f"{page}-clean.htm")
    assert [f for f in clean.findings if f.severity in ("warning", "error")] == []
    table = [s for s in clean.schedules if s.source == "table"]
    assert len(table) == 1 and len(table[0].periods) == 2
    text, wrong = check(f"{page}-wrong-figure.htm")
    assert sorted((f.rule, f.row) for f in failed(wrong)) == [("VQ001", "Allowance for credit losses"), ("VQ002", "Total")]
    assert next(f for f in failed(wrong) if f.rule == "VQ001").location.line == line_of(text, 'id="f-2"')


@pytest.mark.parametrize("other", ["Charged to Other Accounts", "Valuation Accounts Acquired"])
def test_a_notes_roll_forward_under_another_title_is_not_read_as_the_schedule(other):
    """The same note, its text block the filer's own, its columns not lettered: Rule 12-09 lets the
    notes give the schedule's information, and such a note is no Schedule II: its table is not read,
    the facts are checked alone and the page says so (VX003).  Also where a column is headed
    "Valuation Accounts Acquired" (a column's heading is no title: ixbrl_habits' note-rollforward)."""
    text = (PAGES / "upland-grain-2023-ixbrl-note-letters-clean.htm").read_text("utf-8")
    text = re.sub(r"<tr>(<td[^>]*>Column [A-E]</td>)+</tr>\n", "", text).replace("Charged to Other Accounts", other)
    result = auditor.check_source(source.from_text(text, "t.htm"), RULES)
    assert [s.source for s in result.schedules] == ["xbrl"]
    assert [f.rule for f in result.findings if f.severity in ("warning", "error")] == ["VX003"]


def test_a_notes_roll_forward_after_its_receivables_table_is_not_read_as_the_schedule():
    """sedge-pumps' note (its receivables' table, then the roll-forward), its text block the filer's
    own and its balances headed "Beginning" / "End of Year": nothing says it is the schedule, the
    note's heading stands over the receivables' table: not read (s33: read as Schedule II, the
    heading looked for after the receivables' table alone); the facts checked alone, the page says
    so (VX003), the misprinted charge still found by the facts."""
    text = (PAGES / "sedge-pumps-2023-ixbrl-note-dated-wrong-figure.htm").read_text("utf-8")
    text = text.replace("srt:ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock", "sdg:AllowancesAndReservesTextBlock")
    text = text.replace("Balance at January 1", "Balance at Beginning of Year").replace("Balance at December 31",
                                                                                     "Balance at End of Year")
    result = auditor.check_source(source.from_text(text, "t.htm"), RULES)
    assert [s.source for s in result.schedules] == ["xbrl"]
    assert sorted(f.rule for f in result.findings if f.severity in ("warning", "error")) == ["VQ001", "VQ002", "VX003"]


@pytest.mark.parametrize("loans", [True, False])
@pytest.mark.parametrize("lettered", [False, True])
@pytest.mark.parametrize("block", ["srt", "own"])
def test_another_schedule_in_the_schedules_text_block_is_not_read_as_the_schedule(loans, lettered, block):
    """Schedule II's text block holding Schedule IV after it (filers tag several schedules in one
    block): the reconciliation of mortgage loans (Schedule II's columns) under Schedule IV's heading
    is not read, with its table of loans before it or not, its columns lettered "Column A" ...
    "Column E" or not (Rule 12-09's letters say Schedule II only under no other schedule's heading);
    the schedule is, a misprinted charge found at its row.  Also where the block is a concept of the
    filer's own (the letters alone would say Schedule II).  (Until s34 every table of the block
    printing a balance and a movement was taken, and a lettered table after Schedule IV's table of
    loans.)"""
    def edited(text: str) -> str:
        if block == "own":
            text = text.replace("srt:ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock", "osr:SchedulesTextBlock")
        at = text.index("Schedule IV: Mortgage Loans")
        if lettered:
            reconciliation = text.index("<tr><td></td><td", text.index("Reconciliation of mortgage", at))
            letters = "".join(f'<td style="text-align:center">Column {c}</td>' for c in "ABCDE")
            text = text[:reconciliation] + f"<tr>{letters}</tr>\n" + text[reconciliation:]
        if not loans:
            start = text.index("<table", at)
            text = text[:start] + text[text.index("</table>", start) + len("</table>"):]
        return text
    for kind in ("clean", "wrong-figure"):
        name = f"osier-realty-2023-ixbrl-schedule-iv-in-block-{kind}.htm"
        text = edited((PAGES / name).read_text("utf-8"))
        result = auditor.check_source(source.from_text(text, name), RULES)
        table = [s for s in result.schedules if s.source == "table"]
        assert len(table) == 1 and len(table[0].periods) == 2, kind
        assert not any("mortgage" in (r.label or "").lower() for p in table[0].periods for r in p.rows), kind
        schedule_iv = line_of(text, "Schedule IV: Mortgage Loans")
        assert all(f.location.line < schedule_iv for f in result.findings), kind
        want = [] if kind == "clean" else [("VQ001", "Allowance for credit losses"), ("VQ002", "Total")]
        assert sorted((f.rule, f.row) for f in failed(result)) == want
        if want:
            assert next(f for f in failed(result) if f.rule == "VQ001").location.line == line_of(text, 'id="f-2"')


@pytest.mark.parametrize("before", ["title", "report"])
def test_a_lettered_notes_look_back_for_another_schedule_stops_at_its_own_heading(before):
    """upland-grain's lettered note ("Note 21. Allowances and Reserves", "Column A" ... "Column E"),
    the page's <title> "Schedule II" or a sentence on the financial statement schedule above the
    note's heading, no table between: neither heads another schedule over the note, whose own
    heading is the nearest (s33 looked back 20,000 characters for the word "schedule" and found
    them: the note left unread, the facts checked alone, VX003).  A misprinted charge found at its row."""
    for kind in ("clean", "wrong-figure"):
        name = f"upland-grain-2023-ixbrl-note-letters-{kind}.htm"
        text = (PAGES / name).read_text("utf-8")
        if before == "title":
            text = text.replace("<title>Upland Grain 10-K 2023</title>", "<title>Schedule II</title>", 1)
        else:
            text = text.replace('<ix:nonNumeric name="upl:AllowancesAndReservesTextBlock"',
                                "<p>Our audits also included the financial statement schedule listed in Item 15, which "
                                "presents fairly the information set forth therein.</p>\n"
                                '<ix:nonNumeric name="upl:AllowancesAndReservesTextBlock"', 1)
        result = auditor.check_source(source.from_text(text, name), RULES)
        table = [s for s in result.schedules if s.source == "table"]
        assert len(table) == 1 and len(table[0].periods) == 2, kind
        want = [] if kind == "clean" else [("VQ001", "Allowance for credit losses"), ("VQ002", "Total")]
        assert sorted((f.rule, f.row) for f in failed(result)) == want
        if want:
            assert next(f for f in failed(result) if f.rule == "VQ001").location.line == line_of(text, 'id="f-2"')


def test_another_schedules_heading_typed_as_its_tables_first_row_ends_schedule_iis_reach():
    """wattle-realty: osier's page, Schedule IV's heading typed as the first row of its loans' table
    (no text between Schedule II's table and it): the row heads Schedule IV as a paragraph over the
    table does, so its reconciliation (Schedule II's columns) is never read as Schedule II (s34 read
    the text between the block's tables alone: "Reconciliation of mortgage loans" read as its rows)."""
    for kind in ("clean", "wrong-figure"):
        name = f"wattle-realty-2023-ixbrl-schedule-iv-title-row-{kind}.htm"
        text = (PAGES / name).read_text("utf-8")
        result = auditor.check_source(source.from_text(text, name), RULES)
        table = [s for s in result.schedules if s.source == "table"]
        assert len(table) == 1 and len(table[0].periods) == 2, kind
        assert not any("mortgage" in (r.label or "").lower() for p in table[0].periods for r in p.rows), kind
        assert all(f.location.line < line_of(text, "Schedule IV: Mortgage Loans") for f in result.findings), kind
        want = [] if kind == "clean" else [("VQ001", "Allowance for credit losses"), ("VQ002", "Total")]
        assert sorted((f.rule, f.row) for f in failed(result)) == want
        if want:
            assert next(f for f in failed(result) if f.rule == "VQ001").location.line == line_of(text, 'id="f-2"')


def test_a_lettered_notes_balances_headed_balance_at_alone_are_read_as_the_schedule():
    """wisteria-goods: upland's lettered note ("Column A" ... "Column E") under the filer's own text
    block, both balances headed "Balance at" alone (cpi-holdco-fy2004's headings, no "beginning"):
    the letters make the heading the schedule's (locate._lettered), the note read as Schedule II, a
    misprinted charge found at its row (s34: no table found, the facts checked alone, VX003)."""
    for kind in ("clean", "wrong-figure"):
        name = f"wisteria-goods-2023-ixbrl-note-letters-balance-at-{kind}.htm"
        text = (PAGES / name).read_text("utf-8")
        result = auditor.check_source(source.from_text(text, name), RULES)
        table = [s for s in result.schedules if s.source == "table"]
        assert len(table) == 1 and len(table[0].periods) == 2, kind
        assert "VX003" not in [f.rule for f in result.findings], kind
        want = [] if kind == "clean" else [("VQ001", "Allowance for credit losses"), ("VQ002", "Total")]
        assert sorted((f.rule, f.row) for f in failed(result)) == want
        if want:
            assert next(f for f in failed(result) if f.rule == "VQ001").location.line == line_of(text, 'id="f-2"')


def test_a_notes_heading_typed_as_its_tables_first_row_ends_schedule_iis_reach_in_its_block():
    """jessamine-fixtures: a note's roll-forward of the warranty reserve after the schedule's table inside
    the text block tagged with Schedule II's concept, its heading ("NOTE 7. PRODUCT WARRANTY RESERVE")
    typed as the table's first row: the row heads a note as a paragraph over the table does, so the
    note's table (Schedule II's columns) is never read as Schedule II (s35: a second, untitled schedule,
    its rows labelled by the heading; only another schedule's heading ended the block's reach)."""
    for kind in ("clean", "wrong-figure"):
        name = f"jessamine-fixtures-2023-ixbrl-note-title-row-after-{kind}.htm"
        text = (PAGES / name).read_text("utf-8")
        result = auditor.check_source(source.from_text(text, name), RULES)
        table = [s for s in result.schedules if s.source == "table"]
        assert len(table) == 1 and len(table[0].periods) == 2, kind
        assert not any("warranty" in (r.label or "").lower() for p in table[0].periods for r in p.rows), kind
        assert all(f.location.line < line_of(text, "NOTE 7. PRODUCT WARRANTY") for f in result.findings), kind
        want = [] if kind == "clean" else [("VQ001", "Allowance for credit losses"), ("VQ002", "Total")]
        assert sorted((f.rule, f.row) for f in failed(result)) == want


def test_a_whole_10k_in_gofilers_markup_reads_its_schedule_alone():
    """quillon-meters: around the schedule, a whole 10-K in GoFiler's markup; only the schedule's table is
    read (two periods, its rows), every finding on its lines, the other tables (statements, the equity and
    warranty roll-forwards, the indexes naming Schedule II, the exhibits' numbers) none of its."""
    for kind in ("clean", "wrong-figure"):
        name = f"quillon-meters-2023-ixbrl-whole-10k-gofiler-{kind}.htm"
        text = (PAGES / name).read_text("utf-8")
        result = auditor.check_source(source.from_text(text, name), RULES)
        assert result.error is None, kind
        table = [s for s in result.schedules if s.source == "table"]
        assert len(table) == 1 and len(table[0].periods) == 2, kind
        labels = {r.label for p in table[0].periods for r in p.rows}
        assert labels == {"Allowance for credit losses", "Deferred tax asset valuation allowance", "Total"}, kind
        first, last = line_of(text, "ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock\" contextRef"), \
            line_of(text, "SIGNATURES")
        assert all(first <= f.location.line < last for f in result.findings), kind
        want = [] if kind == "clean" else [("VQ001", "Allowance for credit losses"), ("VQ002", "Total")]
        assert sorted((f.rule, f.row) for f in failed(result)) == want
