"""The 24 real Schedule II tables of ../shared/real-tables, each rendered in a
fixed set of EDGAR text layouts: the tool must read every one back and report
exactly the errors the transcribed figures hold (computed in tests/expect.py
from the figures, roles and sign convention alone), and nothing else."""

import dataclasses
import json
import re

import pytest

import auditor
from auditor import diagnose
from expect import expected_errors, reported_errors, row_name
from render import Layout, period_date, render

# Eight layouts that between them use every option of `Layout`.
LAYOUTS = {
    "seed-like": Layout(heading_depth=5, dollar="detached"),
    "flat-fiscal": Layout(
        heading_depth=1, heading_align="right", heading_rule=False, markers=False, caption=False,
        dollar="first", nil="--", negative="( 473)", note_place="overhang", note_marks="(1)",
        label_width=20, total_label="Total", period_style="fiscal", page_break="page_number", break_after=4,
    ),
    "letters-span-paged": Layout(
        heading_depth=2, column_letters=True, additions_span=True, case="mixed", dollar="every",
        nil="\u2014", negative="(473 )", note_marks="(a)", total_label="Totals", period_style="for_year",
        reverse=True, page_break="page_tag", break_after=3,
    ),
    "untagged-bare": Layout(
        heading_depth=3, heading_align="right", heading_rule=False, table_tags=False, dollar="none",
        nil="&#151;", negative="-473", note_marks="(A)", label_width=24, figures_on="last",
        group_header="Deducted from asset accounts:", total_label="none", double_rule=False,
        period_style="bare", units_style="(Dollars in thousands)",
    ),
    "by-account": Layout(
        heading_depth=4, column_letters=True, additions_span=True, case="lower", nil="nil",
        by_account=True, period_style="bare", dollar="first", units_style="$000's",
    ),
    "first-cell-reopened": Layout(
        heading_depth=2, heading_align="right", nil="", period_style="first_cell", note_marks="*",
        page_break="reopen", break_after=2, caption=False,
    ),
    "by-account-form-feed": Layout(
        heading_depth=5, case="mixed", column_letters=True, heading_rule=False, note_marks="(1)(2)",
        nil="---", by_account=True, period_style="for_year", page_break="form_feed", break_after=3,
        repeat_headings=False, note_place="overhang", units_style="(000 omitted)",
    ),
    "span-untagged": Layout(
        heading_depth=3, additions_span=True, table_tags=False, dollar="detached", reverse=True,
        total_label="Total",
    ),
    # A 1990s submission wrapped in a PEM message: COL. letters between two
    # rules the table's width, every line that began with "-" escaped "- ",
    # rules over totals as wide as their figures, no <S> on the marker line,
    # "1/" markers, a rule under each group's caption, unlabelled totals, the
    # footnotes inside the table between <FN> and </FN>.
    "pem-framed-letters": Layout(
        heading_depth=3, column_letters=True, letters="COL.", letters_framed=True, pem_escape=True,
        short_rules=True, s_tag=False, note_marks="1/", group_header="Allowance for losses on:",
        group_rule=True, total_label="none", dollar="first", label_width=28, fn_block=True,
    ),
    # Typed, untagged: "Col. B" letters, blank cells with no dash, each item's
    # balance at end on a line of its own under the row, "(1)" markers set
    # two spaces after their figure.
    "typed-second-line": Layout(
        heading_depth=4, column_letters=True, letters="Col.", table_tags=False, nil="", second_line=True,
        note_marks="(1)", note_gap=2, dollar="first", case="mixed", period_style="for_year",
    ),
}


def tables(shared_dir):
    return sorted((shared_dir / "real-tables").glob("*.json"))


def applicable(spec, layout: Layout) -> Layout:
    """The layout, less what this table's periods cannot be printed as."""
    dates = [period_date(p["label"]) for p in spec["periods"]]
    years = [d[0] for d in dates if d]
    if layout.period_style in ("fiscal", "bare") and len(set(years)) != len(spec["periods"]):
        # Two periods ending in one year ("Period ended November 27, 2000" and
        # "December 31, 2000") need their dates to be told apart.
        layout = dataclasses.replace(layout, period_style="keep" if not layout.by_account else "for_year")
    blank_column = any(
        all(not (r["cells"][k].strip() if k < len(r["cells"]) else "") for p in spec["periods"] for r in p["rows"] if r["cells"])
        for k in range(len(spec["roles"]) - 1)
    )
    if blank_column and not (layout.heading_rule or (layout.markers and layout.table_tags)):
        # A column with no figure at all is only seen by its rule or <C> marker:
        # the figures' alignment cannot show it (a known limit of the layout stage).
        layout = dataclasses.replace(layout, heading_rule=True)
    return layout


def _check(spec, layout, tmp_path):
    rendered = render(spec, layout)
    path = tmp_path / "exhibit.txt"
    path.write_text(rendered.text, encoding="utf-8")
    result = auditor.check_file(str(path))
    return rendered, result


SHARED = __import__("conftest").SHARED
RULES = auditor.load_rules()
NAMES = [p.stem for p in tables(SHARED)] if (SHARED / "real-tables").is_dir() else []


def _cases():
    for table in NAMES:
        for name in (*LAYOUTS, *DEEP_LAYOUTS):
            yield pytest.param(table, name, id=f"{table}-{name}")


# Layouts swept on their own (the goldens and benchmarks/sweep_text.py keep LAYOUTS'):
# four heading lines under COLUMN letters, the top one "BALANCE   (1)   (2)
# CHARGED" (a heading's word, then footnote markers over the rest of their
# headings: no row of figures), a <PAGE> after the third row.
DEEP_LAYOUTS = {
    "deep-letters-paged": Layout(heading_depth=4, column_letters=True, page_break="page_tag", break_after=3),
}


def _read_real(shared, tmp_path, table, layout_name):
    """The real table rendered in the layout and read back, without an error."""
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text())
    layout = applicable(spec, {**LAYOUTS, **DEEP_LAYOUTS}[layout_name])
    rendered, result = _check(spec, layout, tmp_path)
    assert result.error is None, f"{result.error}\n{rendered.text}"
    return spec, layout, rendered, result


@pytest.mark.parametrize("table,layout_name", list(_cases()))
def test_real_table_yields_exactly_its_errors(shared, tmp_path, table, layout_name):
    spec, layout, rendered, result = _read_real(shared, tmp_path, table, layout_name)
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == spec["roles"][1:]
    if any(r in ("deductions", "writeoffs", "credited_costs", "credited_other") for r in spec["roles"]):
        wanted = "subtracted" if spec["deductions_sign"] == "positive-subtracted" else "added"
        assert schedule.deductions == wanted, schedule.deductions_basis
    expected = expected_errors(spec, rendered, blank_nils=layout.nil == "")
    assert reported_errors(result) == expected


@pytest.mark.parametrize("table,layout_name", list(_cases()))
def test_real_table_figures_land_where_printed(shared, tmp_path, table, layout_name):
    spec, layout, rendered, result = _read_real(shared, tmp_path, table, layout_name)
    (schedule,) = result.schedules
    got = {}
    for period in schedule.periods:
        for row in period.rows:
            for k, cell in enumerate(row.cells):
                if cell is not None:
                    got[(cell.line, cell.column)] = (row_name(row.label), k, cell.value, cell.raw)
    printed = {
        (f.line, f.start): (row_name(rendered.row_labels[(f.period, f.row)]), f.column, f.value, f.raw)
        for f in rendered.figures
    }
    assert got == printed
    # Every period that printed a figure comes back as a period of its own (and one printing its
    # rows' labels alone, no figure, may: cik947425's oldest year in first-cell-reopened).
    assert len({f.period for f in rendered.figures}) <= len(schedule.periods) <= len(spec["periods"])



# The movements printed as rows (issue 12), each real table rendered so and
# read back by the text front end's `transposed`.  A sweep of its own: the
# goldens of LAYOUTS stay as recorded.
TRANSPOSED_LAYOUTS = {
    # Boeing's: the years as columns, a block per account, <TABLE> tags.
    "years-as-columns": Layout(transposed="years", period_style="bare", dollar="first", case="mixed"),
    # A 20-F's, typed: no tags, "Fiscal 1995" headings, "--" nils, capitals.
    "years-untagged": Layout(transposed="years", table_tags=False, period_style="fiscal", nil="--", dollar="every"),
    # 1993's Schedule VIII: the accounts as columns, a block per year under its caption.
    "accounts-as-columns": Layout(transposed="accounts", period_style="for_year", case="mixed", heading_depth=3),
    # ... typed, the year in the first cell of each block's opening balance.
    "accounts-first-cell": Layout(transposed="accounts", period_style="first_cell", table_tags=False, dollar="none",
                                  negative="-473", case="mixed"),
}


# Known limits (strict: one that reads must come off this list).
KNOWN: dict[tuple[str, str], str] = {}


def _wrapped(name: str) -> str:
    """A name compared across a heading wrapped at its hyphen ("self-" over "insured")."""
    return re.sub(r"-\s+", "-", row_name(name))


def _transposed_cases():
    for table in NAMES:
        for name in TRANSPOSED_LAYOUTS:
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN[(table, name)])] if (table, name) in KNOWN else []
            yield pytest.param(table, name, id=f"{table}-{name}", marks=marks)


@pytest.mark.parametrize("table,layout_name", list(_transposed_cases()))
def test_real_table_with_the_movements_as_rows_yields_exactly_its_errors(shared, tmp_path, table, layout_name):
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text())
    layout = applicable(spec, TRANSPOSED_LAYOUTS[layout_name])
    rendered, result = _check(spec, layout, tmp_path)
    assert result.error is None, f"{result.error}\n{rendered.text}"
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == spec["roles"][1:]
    assert reported_errors(result) == expected_errors(spec, rendered)
    got = {(c.line, c.column): (_wrapped(r.label), k, c.value, c.raw)
           for p in schedule.periods for r in p.rows for k, c in enumerate(r.cells) if c is not None}
    printed = {(f.line, f.start): (_wrapped(rendered.row_labels[(f.period, f.row)]), f.column, f.value, f.raw)
               for f in rendered.figures}
    assert got == printed
    assert len(schedule.periods) == len({f.period for f in rendered.figures})


# A chained roll-forward (issue 12, class 8): the accounts as columns, the periods
# oldest first, each opening on the line the period before closed on (render_chained).
CHAINED_LAYOUTS = {
    "chained": Layout(chained=True, case="mixed", dollar="first", heading_depth=3),
    # Typed: no tags, dot leaders after the labels, capitals, "--" nils, minus signs.
    "chained-typed": Layout(chained=True, table_tags=False, leaders=True, nil="--", negative="-473", dollar="none"),
}


def _cells(entries):
    """(line, column, row, figure column, value, raw) of each cell: a figure that
    closes one period and opens the next is two, at one place."""
    return sorted((line, column, _wrapped(label), k, value, raw) for line, column, label, k, value, raw in entries)


@pytest.mark.parametrize("table,layout_name", [pytest.param(t, n, id=f"{t}-{n}") for t in NAMES for n in CHAINED_LAYOUTS])
def test_real_table_as_a_chained_roll_forward_yields_exactly_its_errors(shared, tmp_path, table, layout_name):
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text())
    rendered, result = _check(spec, CHAINED_LAYOUTS[layout_name], tmp_path)
    assert result.error is None, f"{result.error}\n{rendered.text}"
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == spec["roles"][1:]
    assert reported_errors(result) == expected_errors(spec, rendered)
    # A figure printed once is reported once by each rule, however many cells of the model it is.
    assert len([f for f in result.findings if f.severity in ("error", "warning")]) == len(reported_errors(result))
    got = _cells((c.line, c.column, r.label, k, c.value, c.raw)
                 for p in schedule.periods for r in p.rows for k, c in enumerate(r.cells) if c is not None)
    printed = _cells((f.line, f.start, rendered.row_labels[(f.period, f.row)], f.column, f.value, f.raw)
                     for f in rendered.figures)
    assert got == printed
    assert len(schedule.periods) == len({f.period for f in rendered.figures})


@pytest.mark.parametrize("table", NAMES)
def test_a_wrong_figure_a_chained_roll_forward_carries_is_found_and_located_once(shared, tmp_path, table):
    """Each figure that closes one period and opens the next, printed wrong in turn
    (its first digit moved by one): every failure it causes is put on it, once."""
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text())
    rendered, result = _check(spec, CHAINED_LAYOUTS["chained"], tmp_path)
    at = {}
    for f in rendered.figures:
        at.setdefault((f.line, f.start), []).append(f)
    carried = [fs[0] for fs in at.values() if len(fs) > 1 and fs[0].value is not None and abs(fs[0].value) >= 10]
    if result.findings or not carried:
        pytest.skip("a table with errors of its own, or no figure carried")
    lines = rendered.text.split("\n")
    for shared_figure in carried:
        line = lines[shared_figure.line - 1]
        first = next(i for i in range(shared_figure.start - 1, shared_figure.end - 1) if line[i].isdigit())
        wrong = line[:first] + str((int(line[first]) + 1) % 10 or 1) + line[first + 1 :]
        path = tmp_path / "planted.txt"
        path.write_text("\n".join(lines[: shared_figure.line - 1] + [wrong] + lines[shared_figure.line :]))
        planted = auditor.check_file(str(path))
        diagnosis = diagnose.result(planted, RULES)
        assert any(f.severity == "error" for f in planted.findings)
        assert len({(f.rule, f.location) for f in planted.findings}) == len(planted.findings)
        for finding in [f for f in planted.findings if f.severity == "error"]:
            s = diagnosis.suggestions[finding]
            assert ((s.cell.line, s.cell.column), s.value) == ((shared_figure.line, shared_figure.start), shared_figure.value)


# Each account's caption printed WITHOUT a ":" ("Allowance for doubtful accounts"
# alone on its line) over rows that open with their period ("1996", "For the year
# ended December 31, 1996"), as 1990s typed submissions do (issue 12).  A sweep of
# its own: the goldens of LAYOUTS stay as recorded.
BARE_CAPTION_LAYOUTS = {
    "by-account-bare-caption": Layout(heading_depth=3, by_account=True, caption_colon=False, period_style="bare",
                                      dollar="first", case="mixed"),
    # Typed, no tags, no units phrase.
    "by-account-bare-caption-typed": Layout(heading_depth=3, by_account=True, caption_colon=False,
                                            period_style="for_year", dollar="first", case="mixed", units_style="",
                                            table_tags=False),
    "by-account-bare-caption-kept": Layout(heading_depth=4, by_account=True, caption_colon=False, period_style="keep",
                                           nil="--"),
}
# (cik863204-2000 in "by-account-bare-caption-kept" was a known limit, put down to
# its label running into the first figure; it was the four-line heading's top line
# "BALANCE   (1)   (2) CHARGED" taken for the first row: it reads since.)
BARE_CAPTION_KNOWN: dict[tuple[str, str], str] = {}


def _bare_caption_cases():
    for table in NAMES:
        for name in BARE_CAPTION_LAYOUTS:
            reason = BARE_CAPTION_KNOWN.get((table, name))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(table, name, id=f"{table}-{name}", marks=marks)


@pytest.mark.parametrize("table,layout_name", list(_bare_caption_cases()))
def test_real_table_under_account_captions_without_a_colon_reads_back_exactly(shared, tmp_path, table, layout_name):
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text())
    layout = applicable(spec, BARE_CAPTION_LAYOUTS[layout_name])
    rendered, result = _check(spec, layout, tmp_path)
    assert result.error is None, f"{result.error}\n{rendered.text}"
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == spec["roles"][1:]
    assert reported_errors(result) == expected_errors(spec, rendered, blank_nils=layout.nil == "")
    got = {(c.line, c.column): (row_name(r.label), k, c.value, c.raw)
           for p in schedule.periods for r in p.rows for k, c in enumerate(r.cells) if c is not None}
    printed = {(f.line, f.start): (row_name(rendered.row_labels[(f.period, f.row)]), f.column, f.value, f.raw)
               for f in rendered.figures}
    assert got == printed
    assert len(schedule.periods) == len({f.period for f in rendered.figures})


@pytest.mark.parametrize("table", NAMES)
def test_a_wrong_balance_under_an_account_caption_without_a_colon_is_found_and_located(shared, tmp_path, table):
    """The first account's first balance at end printed wrong (its first digit
    moved by one): an error is found, and put on that figure."""
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text())
    rendered, result = _check(spec, applicable(spec, BARE_CAPTION_LAYOUTS["by-account-bare-caption"]), tmp_path)
    last = len(spec["roles"]) - 2
    ends = [f for f in rendered.figures if f.column == last and f.value is not None and abs(f.value) >= 10]
    if result.findings or not ends:
        pytest.skip("a table with errors of its own, or no balance at end to plant in")
    planted_at = min(ends, key=lambda f: f.line)
    lines = rendered.text.split("\n")
    line = lines[planted_at.line - 1]
    first = next(i for i in range(planted_at.start - 1, planted_at.end - 1) if line[i].isdigit())
    lines[planted_at.line - 1] = line[:first] + str((int(line[first]) + 1) % 10 or 1) + line[first + 1 :]
    path = tmp_path / "planted.txt"
    path.write_text("\n".join(lines))
    planted = auditor.check_file(str(path))
    errors = [f for f in planted.findings if f.severity == "error"]
    assert errors
    assert any((f.location.line, f.location.column) == (planted_at.line, planted_at.start) for f in errors), errors
