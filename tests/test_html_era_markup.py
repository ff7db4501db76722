"""The 24 real tables in the markup of EDGAR HTML 10-Ks of 1999-2005 (html_era:
unclosed HTML 3.2 cells, capitals and unquoted attributes, <TH>, lines wrapped
mid-tag with CRLF, &nbsp; padding, "$&nbsp;" glued, comments and <PAGE>
between rows, a layout table around the schedule, spacer and rule rows, <FONT
SIZE=1>, <B> totals, <CENTER> titles, nils and minus signs as &#150; and its
kin), one habit at a time: every figure read where it is printed, exactly
the table's real failures found, and a figure changed in each table found at
its cell.  A reading that is wrong and says nothing is the failure this
guards against; `measure` prints right / silently wrong / refused per habit:

    cd tests && PYTHONPATH=..:. python test_html_era_markup.py [VARIATION ...] [--style=single-cells]

(`--style`: the habits on another of test_html_real_tables' STYLES than the default.)
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

import auditor
from auditor import source
from conftest import SHARED
from expect import expected_errors, printed_html_cells, read_cells, reported_errors, row_name
from html_era import SPEC_OF, VARIATIONS, edited
from render import parse_cell

RULES = auditor.load_rules()
TABLES = sorted((SHARED / "real-tables").glob("*.json"))


def planted(spec: dict, period: int = 0) -> dict:
    """The spec with one closing balance 1,000 more than printed: the first
    period's (or `period`'s) first row with a figure there (a row the identity
    must fail at)."""
    spec = json.loads(json.dumps(spec))
    closing = spec["roles"][1:].index("ending")
    for row in spec["periods"][period]["rows"]:
        cells = row["cells"]
        if cells and not row.get("is_total") and parse_cell(cells[closing])[0] == "amount":
            _, value, decimals = parse_cell(cells[closing])
            changed = value + 1000
            body = f"{abs(changed):,.{decimals}f}"
            cells[closing] = f"({body})" if changed < 0 else body
            return spec
    raise AssertionError("no figure to change")


def outcome(spec: dict, variation: str, base=None) -> tuple[str, str]:
    """("right" | "wrong" | "refused", what differed)."""
    spec = SPEC_OF.get(variation, lambda s: s)(spec)
    rendered = edited(spec, variation, base)
    src = source.from_text(rendered.text, "t.htm")
    result = auditor.check_source(src, RULES)  # (the kind sniffed, as `auditor check` does: <PRE> is read as text)
    if result.error is not None:
        return "refused", str(result.error)
    got, want = reported_errors(result), expected_errors(spec, rendered)
    if got != want:
        return "wrong", f"findings: extra {sorted(got - want)} missing {sorted(want - got)}"
    found = result.schedules
    cells, printed = read_cells(found), printed_html_cells(rendered)
    if cells != printed:
        extra = sorted(set(cells.items()) - set(printed.items()))[:3]
        missing = sorted(set(printed.items()) - set(cells.items()))[:3]
        return "wrong", f"cells: read {extra} not printed {missing}"
    if sum(len(s.periods) for s in found) != len(spec["periods"]):
        return "wrong", f"{sum(len(s.periods) for s in found)} periods"
    labels, want_labels = sorted(read_labels(found)), sorted(printed_labels(rendered))
    if labels != want_labels:
        return "wrong", f"labels: read {sorted(set(labels) - set(want_labels))[:3]} " \
                        f"printed {sorted(set(want_labels) - set(labels))[:3]}"
    return "right", ""


def read_labels(schedules) -> list[str]:
    """The label of each row of figures read, in order (a wrapped label read whole)."""
    return [row_name(r.label) for s in schedules for p in s.periods for r in p.rows]


def printed_labels(rendered) -> list[str]:
    """The label of each row of figures the renderer printed, in order."""
    rows = sorted({(f.period, f.row) for f in rendered.figures})
    return [row_name(rendered.row_labels[key]) for key in rows]


def cases(path):
    """The table as printed, and (every other table: the sweep stays well under a
    minute) with a figure changed."""
    spec = json.loads(path.read_text())
    yield "clean", spec
    if TABLES.index(path) % 2 == 0:
        yield "planted", planted(spec)


# Habits not every table can be read right in, and what each must give instead:
# never a silent misread.
OTHERWISE = {
    # "6.761": read as 6,761 where a figure grouped twice ("1.212.067") says "." groups thousands,
    # or the table is stated in thousands (`_told_by_units`: no fraction of a dollar there); else
    # refused where the table's whole figures say it may; read as a decimal where every figure
    # has one (a table in millions to three places reads the same)
    "dot-thousands": "refused or scaled",
    "one-period": "warned",  # one row of "Other": VQ005, its sign cannot be told by one row's arithmetic
}


@pytest.mark.parametrize("variation", sorted(set(VARIATIONS) - set(OTHERWISE)))
def test_real_tables_in_era_markup_read_exactly(variation):
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            verdict, why = outcome(s, variation)
            if verdict != "right":
                failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


@pytest.mark.parametrize("variation", sorted(OTHERWISE))
def test_real_tables_in_era_markup_read_right_or_as_said(variation):
    allowed = OTHERWISE[variation]
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            verdict, why = outcome(s, variation)
            if verdict == "right" or _as_said(allowed, verdict, why) and not _told_by_units(variation, s):
                continue
            failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


def _told_by_units(variation: str, spec: dict) -> bool:
    """Whether the table's stated units tell how its "6.761" reads: in thousands, no fraction of a
    dollar is printed, so "." groups thousands (s46-tally2: 13 right, 3 scaled, 20 refused before;
    34 right, 1 scaled, 1 refused since, the two left in dollars and in millions)."""
    return variation == "dot-thousands" and spec["units"].startswith("thousands")


def _as_said(allowed: str, verdict: str, why: str) -> bool:
    if verdict == "refused":
        return allowed.startswith("refused")
    if allowed == "refused or scaled":  # (every figure read a thousand times smaller: the findings the same)
        return why.startswith("cells:") and all(
            "." in raw for raw in re.findall(r"\('([^']*)', Decimal", why.split("not printed")[0]))
    if allowed == "warned":
        return why.startswith("findings:") and "missing []" in why and re.fullmatch(
            r"findings: extra \[(\('reading_ambiguity', [^)]*\)(, )?)+\] missing \[\]", why) is not None
    return False


def test_a_dot_grouping_thousands_beside_whole_figures_is_refused_not_read_as_decimals():
    table = _table("Allowances:", "allowance for doubtful accounts").replace("100", "1.100").replace("110", "1.110")
    result = auditor.check_source(source.from_text(table, "t.htm"), RULES)
    assert result.error is not None and "'1.100'" in str(result.error) and "thousands" in str(result.error)


def test_a_dot_beside_whole_figures_in_a_table_in_thousands_groups_thousands():
    """A table stated in thousands prints no fraction of a dollar: its "1.100" is 1,100."""
    table = _table("Allowances:", "allowance for doubtful accounts").replace("100", "1.100").replace("110", "1.110")
    table = table.replace("VALUATION AND QUALIFYING ACCOUNTS</p>", "VALUATION AND QUALIFYING ACCOUNTS</p><p>(In thousands)</p>")
    result = auditor.check_source(source.from_text(table, "t.htm"), RULES)
    assert result.error is None and reported_errors(result) == set()
    assert [c.value for c in result.schedules[0].periods[0].rows[0].cells] == [1100, 40, -30, 1110]


def test_a_figure_opening_with_a_zero_before_its_dot_is_a_decimal():
    """"0.250" groups nothing: the table's dots are decimal points, in thousands too."""
    table = _table("Allowances:", "allowance for doubtful accounts").replace("<td>5</td>", "<td>0.250</td>")
    table = table.replace("<td>(5)</td>", "<td>(0.250)</td>").replace("<td>100</td>", "<td>1.100</td>")
    table = table.replace("<td>110</td>", "<td>1.110</td>")
    table = table.replace("VALUATION AND QUALIFYING ACCOUNTS</p>", "VALUATION AND QUALIFYING ACCOUNTS</p><p>(In thousands)</p>")
    result = auditor.check_source(source.from_text(table, "t.htm"), RULES)
    assert result.error is None
    assert [c.value for c in result.schedules[0].periods[0].rows[0].cells] == [Decimal("1.100"), 40, -30, Decimal("1.110")]


def test_a_figure_grouped_twice_by_dots_reads_the_tables_dots_as_thousands():
    """"1.212.067" can only group thousands: the table's "6.761" is 6,761 (and its precision whole)."""
    table = _table("Allowances:", "allowance for doubtful accounts")
    table = table.replace("<td>100</td>", "<td>1.206.761</td>").replace("<td>110</td>", "<td>1.206.771</td>")
    table = table.replace("<td>40</td>", "<td>6.761</td>").replace("<td>(30)</td>", "<td>(6.751)</td>")
    result = auditor.check_source(source.from_text(table, "t.htm"), RULES)
    assert result.error is None and reported_errors(result) == set()
    cells = result.schedules[0].periods[0].rows[0].cells
    assert [c.value for c in cells] == [1206761, 6761, -6751, 1206771]
    assert [c.decimals for c in cells] == [0, 0, 0, 0]


def test_a_figure_grouped_twice_by_dots_beside_a_decimal_is_refused():
    table = _table("Allowances:", "allowance for doubtful accounts")
    table = table.replace("<td>100</td>", "<td>1.206.761</td>").replace("<td>40</td>", "<td>6.5</td>")
    result = auditor.check_source(source.from_text(table, "t.htm"), RULES)
    assert result.error is not None and "'1.206.761'" in str(result.error) and "'6.5'" in str(result.error)


def test_a_table_of_decimals_to_three_places_is_read_as_printed():
    table = _table("Allowances:", "allowance for doubtful accounts")
    for whole in ("100", "40", "30", "110", "50", "5"):
        table = re.sub(rf"<td>(\(?){whole}(\)?)</td>", rf"<td>\g<1>{whole}.000\2</td>", table)
    table = table.replace("<td>100.000</td>", "<td>1.100</td>").replace("<td>110.000</td>", "<td>1.110</td>")
    result = auditor.check_source(source.from_text(table, "t.htm"), RULES)
    assert result.error is None
    assert [c.raw for c in result.schedules[0].periods[0].rows[0].cells] == ["1.100", "40.000", "(30.000)", "1.110"]


def _table(caption: str, first: str) -> str:
    head = "".join(f"<td>{h}</td>" for h in ("Balance at beginning of year", "Charged to expense", "Write-offs",
                                              "Balance at end of year"))
    rows = "".join(f"<tr><td>{label}</td>" + "".join(f"<td>{v}</td>" for v in figures) + "</tr>\n"
                   for label, figures in ((first, (100, 40, "(30)", 110)), ("reserve for returns", (50, 5, "(5)", 50))))
    return ("<html><body><p>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</p><table>\n"
            f"<tr><td>Description</td>{head}</tr>\n<tr><td>Year ended December 31, 2001</td></tr>\n"
            f"<tr><td>{caption}</td></tr>\n{rows}</table></body></html>\n")


@pytest.mark.parametrize("caption, first, label", [
    ("Allowance for", "doubtful accounts", "Allowance for doubtful accounts"),  # (a label wrapped over two rows)
    ("reserves deducted from assets", "allowance for doubtful accounts", "allowance for doubtful accounts"),
    ("Reserves deducted from assets:", "allowance for doubtful accounts", "allowance for doubtful accounts"),
])
def test_a_phrase_over_a_row_is_its_label_first_line_only_as_labels_wrap(caption, first, label):
    """A row going on in lower case under a capitalised phrase with no ":" is one
    label; under a caption with its ":", or in a table all in lower case, it is not."""
    found = auditor.schedules(source.from_text(_table(caption, first), "t.htm"), RULES, "html")
    assert [r.label for r in found[0].periods[0].rows] == [label, "reserve for returns"]


def _rows_table(rows) -> str:
    """A schedule of one period whose body prints `rows`: (label, figures), figures None for a phrase alone."""
    head = "".join(f"<td>{h}</td>" for h in ("Balance at beginning of year", "Charged to expense", "Write-offs",
                                              "Balance at end of year"))
    body = "".join(f"<tr><td>{label}</td>" + ("".join(f"<td>{v}</td>" for v in figures) if figures else
                                                "<td colspan=4>&nbsp;</td>") + "</tr>\n" for label, figures in rows)
    return ("<html><body><p>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</p><table>\n"
            f"<tr><td>Description</td>{head}</tr>\n<tr><td>Year ended December 31, 2001</td></tr>\n{body}"
            "</table></body></html>\n")


A, B, C = (100, 40, "(30)", 110), (50, 5, "(5)", 50), (20, 4, "(4)", 20)


@pytest.mark.parametrize("rows, labels", [
    # Title Case wrapped before a capital, the figures on the last line, beside a whole label ...
    ([("Allowance for Doubtful", None), ("Accounts", A), ("Reserve for Returns", B)],
     ["Allowance for Doubtful Accounts", "Reserve for Returns"]),
    # ... on the first line, the label's end in a row of its own ...
    ([("Allowance for Doubtful", A), ("Accounts", None), ("Reserve for Returns", B)],
     ["Allowance for Doubtful Accounts", "Reserve for Returns"]),
    # ... every label wrapped, the figures first: the last phrase captions no row.
    ([("Allowance for Doubtful", A), ("Accounts", None), ("Deferred Tax Asset Valuation", B), ("Allowance", None),
      ("Total", (150, 45, "(35)", 160))],
     ["Allowance for Doubtful Accounts", "Deferred Tax Asset Valuation Allowance", "Total"]),
    # ... the figures first, the label's end a word that makes it name an account, another account under it.
    ([("Accounts and Notes", A), ("Receivable", None), ("Inventories", B)],
     ["Accounts and Notes Receivable", "Inventories"]),
    # A caption without its ":" over its accounts, and over one account that names itself: never joined.
    ([("Reserves Deducted from Assets", None), ("Allowance for Doubtful Accounts", A), ("Reserve for Returns", B)],
     ["Allowance for Doubtful Accounts", "Reserve for Returns"]),
    ([("Allowance for Doubtful Accounts", A), ("Other Reserves", None), ("Warranty Reserve", B),
      ("Returns Reserve", C)], ["Allowance for Doubtful Accounts", "Warranty Reserve", "Returns Reserve"]),
    ([("Reserves Deducted from Assets", None), ("Allowance for Doubtful Accounts", A)],
     ["Allowance for Doubtful Accounts"]),
])
def test_a_title_case_label_wrapped_over_two_rows_is_read_whole(rows, labels):
    """Case says nothing where every word is capitalised: the words (a line
    naming no account alone beside a row that does) and the structure (a phrase
    captioning no row) join a label's lines; a caption over its accounts stays one."""
    found = auditor.schedules(source.from_text(_rows_table(rows), "t.htm"), RULES, "html")
    assert [r.label for r in found[0].periods[0].rows] == labels


def measure(only: list[str], base=None) -> None:
    for variation in sorted(only or VARIATIONS):
        counts = {"right": 0, "wrong": 0, "refused": 0}
        notes = []
        for path in TABLES:
            for kind, s in cases(path):
                verdict, why = outcome(s, variation, base)
                counts[verdict] += 1
                if verdict != "right" and len(notes) < 2:
                    notes.append(f"{path.stem}/{kind}: {why[:160]}")
        print(f"{variation:15} right {counts['right']:2}  wrong {counts['wrong']:2}  refused {counts['refused']:2}")
        for n in notes:
            print("      ", n)


if __name__ == "__main__":
    import sys

    from test_html_real_tables import STYLES

    styles = [a[len("--style="):] for a in sys.argv[1:] if a.startswith("--style=")]
    measure([a for a in sys.argv[1:] if not a.startswith("--")], STYLES[styles[0]] if styles else None)
