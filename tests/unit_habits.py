"""How real Schedule IIs print their amounts and units, as edits of a real table.

Test support, not part of the tool.  Each habit is applied alone to one of the 24 real tables
(/work/shared/real-tables/) as a `Habit`: a `spec` edit (the figures reprinted: their values as
printed are what tests/expect.py's arithmetic takes for the truth), a text `layout` or HTML
`style` change, and/or an edit of the rendered text or markup (a line or a row inserted):

figures
- cents: ".00" on every figure ("1,234.00"), the values kept;
- dollars-cents: a table in thousands printed in whole dollars with cents ("1,234,000.00");
- millions-one-decimal: a table in thousands printed in millions to one place ("1.2"), each figure
  rounded on its own (the rounding differences a real table in millions has);
- no-separators: no thousands separators ("1234567");
rounding
- row-off-by-one, total-off-by-one: the first period's first reserve's (or its total's) balance at
  end one unit more than its figures make: a rounding difference, clean under `tolerance: rounding`;
- row-off-by-two: two units more: found where the row prints fewer than five figures (half a
  unit of each figure, `tolerance: rounding`, is 2 units over four figures);
- row-off-by-three, total-off-by-three: three units more: beyond half a unit of every figure of
  the sum (at most five figures here), found at that cell;
units (tables in thousands)
- units-omitted-row, units-dollars-row, units-dollar-000-row: "(000's omitted)", "(Dollars in
  thousands)", "$000's" a row of the table under its headings (not a line above the table);
- units-per-column: "$000" over every figure column, a row of the table under its headings;
- units-first-row: "(In thousands)" the table's first row, above its headings;
dollar signs
- dollar-every, dollar-first, dollar-none: "$" on every figure, on the first row and the totals
  only, on none;
- dollar-column (tagged text): "$" a column of its own, with its own <C> marker;
a column in other units
- column-in-millions: the provision column headed "(in millions)" and printed in millions to one
  place among figures in thousands: to be refused or warned, never added to the others.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Optional

from render import Rendered, parse_cell
from total_habits import HABITS as TOTAL_HABITS

SpecEdit = Callable[[dict], Optional[dict]]
ONE_PLACE = Decimal("0.1")


@dataclass(frozen=True)
class Habit:
    spec: Optional[SpecEdit] = None  # None from it: the table cannot show the habit
    layout: Optional[Callable[[object], object]] = None  # a text Layout changed
    style: Optional[Callable[[object], object]] = None  # an HtmlStyle changed
    text: Optional[Callable[[Rendered], Rendered]] = None  # the rendered text edited, figures kept
    markup: Optional[Callable[[str], str]] = None  # the rendered HTML edited (its sentinels kept)
    tagged_only: bool = False  # a habit of tagged EDGAR text alone
    not_read: bool = False  # to be refused or warned, never read as it stands
    units: Optional[str] = None  # the units the habit prints the table in (its own units line or row)


def _copy(spec: dict) -> dict:
    return json.loads(json.dumps(spec))


def _printed(value: Decimal, decimals: int, separators: bool = True) -> str:
    body = f"{abs(value):,.{decimals}f}" if separators else f"{abs(value):.{decimals}f}"
    return f"({body})" if value < 0 else body


def _reprinted(form: Callable[[Decimal, int], str], units: Optional[str] = None, only: Optional[set] = None,
               columns: Optional[Callable[[dict], set]] = None) -> SpecEdit:
    """Every amount (of the `columns` given) printed form(value, decimals); None for a table
    whose units are not among `only`."""
    def apply(spec: dict) -> Optional[dict]:
        if only is not None and spec["units"].split()[0] not in only:
            return None
        spec = _copy(spec)
        ks = columns(spec) if columns else None
        for period in spec["periods"]:
            for row in period["rows"]:
                for k, text in enumerate(row["cells"]):
                    kind, value, decimals = parse_cell(text)
                    if kind == "amount" and (ks is None or k in ks):
                        row["cells"][k] = form(value, decimals)
        if units:
            spec["units"] = units
            spec["columns"][0] = _restated(spec["columns"][0], units)
            for period in spec["periods"]:  # (and the rows' labels: "Allowance for doubtful accounts (in thousands)")
                for row in period["rows"]:
                    row["label"] = _restated(row["label"], units)
        return spec
    return apply


def _restated(heading: str, units: str) -> str:
    """A label or the label column's heading stating the figures' new units where it stated the old
    ("(In Thousands)" over a real table's labels: "(In Millions)"; none for a table in dollars)."""
    if units == "dollars":
        return re.sub(r"\(?\s*(?:dollars\s+)?in\s+thousands\s*\)?", "", heading, flags=re.IGNORECASE).strip()
    return re.sub(r"thousands", lambda m: units.upper() if m.group().isupper() else
                  units.capitalize() if m.group()[0].isupper() else units, heading, flags=re.IGNORECASE)


def _in_millions(value: Decimal, decimals: int) -> str:
    return _printed((value / 1000).quantize(ONE_PLACE, rounding=ROUND_HALF_UP), 1)


def _provision(spec: dict) -> set:
    return {spec["roles"][1:].index("charged_costs")}


def _column_in_millions(spec: dict) -> Optional[dict]:
    """The provision column in millions to one place, its heading saying so, the others in thousands."""
    made = _reprinted(_in_millions, only={"thousands"}, columns=_provision)(spec)
    if made is None:
        return None
    k = 1 + spec["roles"][1:].index("charged_costs")
    made["columns"][k] += " (in millions)"
    return made


def _off_by(units: int, total: bool) -> SpecEdit:
    """The first period's first reserve's (or total's) balance at end `units` more than printed
    (a total row added under the reserves of a table printing none: total_habits' "Total")."""
    def apply(spec: dict) -> Optional[dict]:
        spec = _copy(spec)
        if total and not any(r.get("is_total") for r in spec["periods"][0]["rows"]):
            spec = TOTAL_HABITS["total"].spec(spec)
            if spec is None:
                return None
        closing = spec["roles"][1:].index("ending")
        for row in spec["periods"][0]["rows"]:
            kind, value, decimals = parse_cell(row["cells"][closing]) if row["cells"] else ("blank", None, 0)
            if kind == "amount" and bool(row.get("is_total")) == total and row["label"].strip():
                row["cells"][closing] = _printed(value + units * Decimal(1).scaleb(-decimals), decimals)
                return spec
        return None
    return apply


# --- text edits ----------------------------------------------------------------


def _inserted(r: Rendered, at: int, line: str) -> Rendered:
    """`line` put before the 0-based line `at`, every figure below it one line down."""
    lines = r.text.split("\n")
    lines.insert(at, line)
    figures = [dataclasses.replace(f, line=f.line + 1) if f.line > at else f for f in r.figures]
    return dataclasses.replace(r, text="\n".join(lines), figures=figures)


RULE_OR_MARKERS = re.compile(r"^[\s-]*-[\s-]*$|^\s*<[SC]>")


def _under_headings(r: Rendered) -> int:
    """The line after the headings' rule (and the <S> <C> line under it)."""
    lines = r.text.split("\n")
    first = min(f.line for f in r.figures) - 1
    return 1 + max(n for n in range(first) if RULE_OR_MARKERS.match(lines[n]))


def _above_headings(r: Rendered) -> int:
    """The first line of the table: after <TABLE> and <CAPTION>, or the headings' first line."""
    lines = r.text.split("\n")
    n = 1 + next(n for n, line in enumerate(lines) if "VALUATION AND QUALIFYING ACCOUNTS" in line)
    while not lines[n].strip() or lines[n].strip() in ("<TABLE>", "<CAPTION>"):
        n += 1
    return n


def _row_under_headings(words: str) -> Callable[[Rendered], Rendered]:
    return lambda r: _inserted(r, _under_headings(r), " " * 34 + words)


def _per_column(r: Rendered) -> Rendered:
    """"$000" over the right edge of every figure column (each column's rule under the headings)."""
    lines = r.text.split("\n")
    at = _under_headings(r)
    rule = next(lines[n] for n in range(at - 1, -1, -1) if set(lines[n].strip()) <= {"-", " "} and lines[n].strip())
    row = [" "] * len(rule)
    for m in list(re.finditer(r"-+", rule))[1:]:
        row[m.end() - 4:m.end()] = "$000"
    return _inserted(r, at, "".join(row).rstrip())


def _first_row(r: Rendered) -> Rendered:
    return _inserted(r, _above_headings(r), " " * 34 + "(In thousands)")


def _dollar_column(r: Rendered) -> Rendered:
    """Tagged text: a <C> marker over the "$" of each column and another over its figures."""
    lines = r.text.split("\n")
    for n, line in enumerate(lines):
        if line.startswith("<S>"):
            marks = [m.start() for m in re.finditer(r"<C>", line)]
            out = list(line.ljust(max(marks) + 8))
            for p in marks:
                out[p + 4:p + 7] = "<C>"
            lines[n] = "".join(out).rstrip()
            break
    return dataclasses.replace(r, text="\n".join(lines))


# --- HTML edits (the text keeps render_html's sentinels) -------------------------

YEAR_ROW = re.compile(r"<tr\b(?:(?!</tr>)[^\x01])*?(?:19|20)\d\d(?:(?!</tr>)[^\x01])*?</tr>", re.S)


def _units_unsaid(text: str) -> str:
    """The page less its units statement above the table, the table's own row the only one: a
    paragraph "(in thousands)", or the end of the title far above it (filing software's, Workiva's
    and Toppan's "Schedule II — ... (in thousands)")."""
    text = re.sub(r'<p align="center">\(in \w+\)</p>\n', "", text, count=1)
    return re.sub(r' \(in \w+\)(</b></p>)', r"\1", text, count=1)


def _row_before_first_period(cells: Callable[[int], str]) -> Callable[[str], str]:
    """A row of cells(width) put before the first row naming a year (the first period's caption)."""
    def apply(text: str) -> str:
        text = _units_unsaid(text)
        start = text.index("<table")
        m = YEAR_ROW.search(text, start)
        at = m.start() if m else text.index("\x01", start)
        at = text.rindex("<tr", start, at + 4)
        # (the grid's width: the widest row's cells and spans, Toppan's headings three a cell)
        width = max(sum(int(w or 1) for w in re.findall(r'<td(?:[^>]*?colspan="(\d+)")?', row))
                    for row in re.findall(r"<tr\b.*?</tr>", text[start:at], re.S)) if "<tr" in text[start:at] else 1
        return text[:at] + cells(width) + "\n" + text[at:]
    return apply


def _units_cell(words: str) -> Callable[[int], str]:
    return lambda width: f'<tr><td colspan="{width}" align="center">{words}</td></tr>'


def per_column_cells(words: str = "$000") -> Callable[[int], str]:
    """`words` ("$000", "($000)") over every figure column: the label's cell (one grid column or two,
    Toppan's), then a gutter and a three-cell column each."""
    def cells(width: int) -> str:
        n = (width - 1) // 4
        return (f'<tr><td colspan="{width - 4 * n}"></td>'
                + f'<td>&nbsp;</td><td colspan="3" align="right">{words}</td>' * n + "</tr>")
    return cells


def units_row_over_columns(words: str) -> Callable[[str], str]:
    """The page's units statement above the table dropped, `words` over every figure column instead
    (tests/fixtures/html/_make.py's units-per-column cases)."""
    return _row_before_first_period(per_column_cells(words))


def _first_row_markup(text: str) -> str:
    """"(In thousands)" the table's first row, not a paragraph above it."""
    text = _units_unsaid(text)
    start = text.index("<table")
    at = text.index(">", start) + 1
    return text[:at] + '\n<tr><td colspan="9" align="center">(In thousands)</td></tr>' + text[at:]


def _in_thousands(spec: dict) -> Optional[dict]:
    """The table, where its figures are in thousands (the units the rows below state)."""
    return spec if spec["units"].split()[0] == "thousands" else None


def _layout(**changes) -> Callable[[object], object]:
    return lambda layout: dataclasses.replace(layout, **changes)


HABITS: dict[str, Habit] = {
    # figures
    "cents": Habit(spec=_reprinted(lambda v, d: _printed(v, 2))),
    "dollars-cents": Habit(spec=_reprinted(lambda v, d: _printed(v * 1000, 2), units="dollars", only={"thousands"})),
    "millions-one-decimal": Habit(spec=_reprinted(_in_millions, units="millions", only={"thousands"})),
    "no-separators": Habit(spec=_reprinted(lambda v, d: _printed(v, d, separators=False))),
    # rounding
    "row-off-by-one": Habit(spec=_off_by(1, total=False)),
    "row-off-by-two": Habit(spec=_off_by(2, total=False)),
    "row-off-by-three": Habit(spec=_off_by(3, total=False)),
    "total-off-by-one": Habit(spec=_off_by(1, total=True)),
    "total-off-by-three": Habit(spec=_off_by(3, total=True)),
    # units inside the table
    "units-omitted-row": Habit(spec=_in_thousands, units="thousands", layout=_layout(units_style=""), text=_row_under_headings("(000's omitted)"),
                               markup=_row_before_first_period(_units_cell("(000&#39;s omitted)"))),
    "units-dollars-row": Habit(spec=_in_thousands, units="thousands", layout=_layout(units_style=""), text=_row_under_headings("(Dollars in thousands)"),
                               markup=_row_before_first_period(_units_cell("(Dollars in thousands)"))),
    "units-dollar-000-row": Habit(spec=_in_thousands, units="thousands", layout=_layout(units_style=""), text=_row_under_headings("$000's"),
                                  markup=_row_before_first_period(_units_cell("$000&#39;s"))),
    "units-per-column": Habit(spec=_in_thousands, units="thousands", layout=_layout(units_style=""), text=_per_column,
                              markup=_row_before_first_period(per_column_cells())),
    "units-first-row": Habit(spec=_in_thousands, units="thousands", layout=_layout(units_style=""), text=_first_row, markup=_first_row_markup),
    # dollar signs
    "dollar-every": Habit(layout=_layout(dollar="every"), style=lambda s: dataclasses.replace(s, dollar="every")),
    "dollar-first": Habit(layout=_layout(dollar="first"), style=lambda s: dataclasses.replace(s, dollar="first")),
    "dollar-none": Habit(layout=_layout(dollar="none"), style=lambda s: dataclasses.replace(s, dollar="none")),
    "dollar-column": Habit(layout=_layout(dollar="detached"), text=_dollar_column, tagged_only=True),
    # a column in other units
    "column-in-millions": Habit(spec=_column_in_millions, not_read=True),
}
