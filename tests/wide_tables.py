"""HTML exhibits whose Schedule II table is thousands of grid columns wide,
each in a shape a broken or hostile exhibit may take (issue 16: a table of
5,000 columns took 27 s).  Shared by tests/test_hostile_wide.py, which
counts the work each takes, and benchmarks/bench.py, which times it.

Each builder takes the number of grid columns wanted (from 20 up; the label
column aside) and gives the whole .htm text.  All but `repeated` read as a
schedule of three periods whose 2004 row closes WRONG off: one balance at each
end and the additions and deductions between repeated.
"""

from __future__ import annotations

TITLE = "<p>SCHEDULE II</p><p>VALUATION AND QUALIFYING ACCOUNTS</p>"
ACCOUNT = "Allowance for doubtful accounts"
YEARS = (2005, 2004, 2003)
WRONG = 10 ** 6  # what the 2004 row's closing balance is off by (past the rounding of thousands of figures)


def _page(rows: str) -> str:
    return f"<html><body>{TITLE}<table>{rows}</table></body></html>\n"


def _cells(texts) -> str:
    return "".join(f"<td>{t}</td>" for t in texts)


def headings(columns: int) -> list[str]:
    """A balance at each end, the additions and deductions between repeated."""
    pairs = (columns - 2) // 2
    return (["Balance at Beginning of Period"] + ["Additions Charged to Costs", "Deductions"] * pairs
            + ["Balance at End of Period"])


def figures(columns: int, n: int) -> list[str]:
    """The figures of the n-th period's row (newest first): 20 added and 10
    deducted per pair, each period opening where the one before it closed."""
    pairs = (columns - 2) // 2
    opening = 100 + (len(YEARS) - 1 - n) * 10 * pairs
    return [str(opening)] + ["20", "10"] * pairs + [str(opening + 10 * pairs + (WRONG if n == 1 else 0))]


def _periods(columns: int, cells=_cells, pad: str = "") -> str:
    return "".join(f"<tr><td>Year ended December 31, {year}</td>{pad}</tr>"
                   f"<tr><td>{ACCOUNT}</td>{cells(figures(columns, n))}{pad}</tr>" for n, year in enumerate(YEARS))


def repeated(columns: int) -> str:
    """The issue's table: Schedule II's four headings and figures repeated
    across one row (it reads as far as the roles: the balances at end it
    repeats between the movements are no movement)."""
    times = columns // 4
    heads = ("Balance at Beginning of Period", "Additions Charged to Costs", "Deductions", "Balance at End of Period")
    return _page(f"<tr><td>Description</td>{_cells(heads * times)}</tr>"
                 "<tr><td>Year ended December 31, 2005</td></tr>"
                 f"<tr><td>{ACCOUNT}</td>{_cells(('100', '20', '10', '110') * times)}</tr>")


def movements(columns: int) -> str:
    """A cell per grid column."""
    return _page(f"<tr><td>Description</td>{_cells(headings(columns))}</tr>{_periods(columns)}")


def spanned(columns: int) -> str:
    """EDGAR's layout: each heading spans a spacer, a "$", the figure and a ")" cell."""
    wide = "".join(f'<td colspan="4">{h}</td>' for h in headings(columns // 4))
    return _page(f"<tr><td>Description</td>{wide}</tr>" + _periods(
        columns // 4, lambda texts: "".join(f"<td>&nbsp;</td><td>$</td><td>{t}</td><td></td>" for t in texts)))


def padded(columns: int) -> str:
    """A schedule of four columns, every row padded with empty cells to the table's width."""
    blank = "<td></td>" * (columns - 4)
    return _page(f"<tr><td>Description</td>{_cells(headings(4))}{blank}</tr>{_periods(4, pad=blank)}")


def stacked(columns: int) -> str:
    """Headings over five rows: "Additions" spanning each addition and
    deduction, and each heading's words a row apart."""
    heads = headings(columns)
    spanner = "".join('<td colspan="2">Movements</td>' for _ in range((columns - 2) // 2))
    words = [h.split(" ", 3) + [""] * (4 - len(h.split(" ", 3))) for h in heads]
    rows = "".join(f"<tr><td></td>{_cells(w[n] for w in words)}</tr>" for n in range(4))
    return _page(f"<tr><td></td><td></td>{spanner}<td></td></tr>{rows}{_periods(columns)}")


def across(columns: int) -> str:
    """The years as columns: a period per grid column, a movement per row, one account."""
    years = [str(1900 + n % 200) for n in range(columns)]
    rows = [(ACCOUNT, years), ("Balance at Beginning of Year", ["100"] * columns),
            ("Charged to Expense", ["20"] * columns), ("Write-offs", ["(20)"] * columns),
            ("Balance at End of Year", ["100"] * (columns - 1) + [str(100 + WRONG)])]
    return _page("".join(f"<tr><td>{label}</td>{_cells(texts)}</tr>" for label, texts in rows))


SHAPES = {"repeated": repeated, "movements": movements, "spanned": spanned, "padded": padded,
          "stacked": stacked, "across": across}
