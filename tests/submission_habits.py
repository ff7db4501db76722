"""Habits of whole 1993-2002 EDGAR text submissions around a Schedule II, as
edits of a whole rendered filing (render_filing's "habit" wrappers).

Test support, not part of the tool.  tests/text_era.py varies the table's own
typing; these vary the file around it, each returning a `Rendered` whose
figures (and those of `others`) say where every figure now stands:

- `page_furniture`: every page of the submission ended by its number centred
  ("S-3", "41"), "<PAGE> 42" numbered, the registrant's name centred in
  capitals at the top of the next page -- inside the schedule's table too,
  where its page breaks;
- `dos_typed`: every line ended "\\r\\n" with trailing spaces, a form feed
  alone on the line before each <PAGE>, prose paragraphs indented by a tab;
- `caption_title`: the schedule's title typed inside the <TABLE>'s
  <CAPTION>, over the column headings;
- `wrapped`: every line longer than 80 columns wrapped by the filer's
  software at the last space before column 81, the rest of it (a row's last
  figures) on a line of its own from column 1;
- the 1994 schedules (`SCHEDULES_1994_INDEX`, `SCHEDULES_V_VI`,
  `SCHEDULES_IX_X`): Regulation S-X's numbering before 1995, Schedule II
  printed as "SCHEDULE VIII" among Schedule V (property, plant and
  equipment) and VI (accumulated depreciation), both roll-forwards of
  balances by the same columns, IX (short-term borrowings) and X
  (supplementary income statement information), all of whose arithmetic
  closes.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from typing import Callable

from render import Rendered

# A line of the edited text: its text and, when it holds the old line's
# columns from `first` on, (first, how far they moved right); None: inserted.
Piece = tuple  # (str, Optional[int], int)


def relined(r: Rendered, edit: Callable[[int, list], list]) -> Rendered:
    """The text edited line by line: `edit(n, lines)` gives the pieces old line
    `n` (1-based) becomes; every figure follows its line and column."""
    old = r.text.split("\n")
    new: list = []
    where: dict = {}
    for n in range(1, len(old) + 1):
        for text, first, delta in edit(n, old):
            new.append(text)
            if first is not None:
                where.setdefault(n, []).append((len(new), first, delta))

    def moved(f):
        line, _, delta = max((p for p in where[f.line] if p[1] <= f.start), key=lambda p: p[1])
        return replace(f, line=line, start=f.start + delta, end=f.end + delta)

    def follow(x: Rendered) -> Rendered:
        out = copy.copy(x)
        out.figures = [moved(f) for f in x.figures]
        out.others = [follow(o) for o in x.others]
        return out

    out = follow(r)
    out.text = "\n".join(new)
    return out


def _kept(line: str) -> list:
    return [(line, 1, 0)]


def _centred(text: str) -> str:
    return " " * (40 - len(text) // 2) + text


# --- page furniture -------------------------------------------------------------

_FOOTER = re.compile(r"^\s+(S-\d+|F-\d+|-?\s*\d+\s*-?)\s*$")


def page_furniture(r: Rendered, registrant: str, first_page: int = 38) -> Rendered:
    numbers = iter(range(first_page, first_page + 1000))

    def edit(n: int, lines: list) -> list:
        if lines[n - 1].strip() != "<PAGE>":
            return _kept(lines[n - 1])
        page = next(numbers)
        before = [p for p in lines[:n - 1] if p.strip()]
        footer = [] if before and _FOOTER.match(before[-1]) else [("", None, 0), (_centred(str(page)), None, 0)]
        return [*footer, (f"<PAGE> {page + 1}", 1, 0), (_centred(registrant.upper()), None, 0)]

    return relined(r, edit)


# --- typed on DOS ----------------------------------------------------------------


def dos_typed(r: Rendered) -> Rendered:
    def edit(n: int, lines: list) -> list:
        line = lines[n - 1]
        if line.strip() == "<PAGE>":
            return [("\f", None, 0), (line, 1, 0)]
        if line.startswith("     ") and line[5:6].isalpha() and not re.search(r"\d\s*$", line):
            return [("\t" + line[5:] + "  ", None, 0)]  # (prose: no figure of the schedule)
        return [(line + ("   " if line.strip() else ""), 1, 0)]

    out = relined(r, edit)
    out.text = out.text.replace("\n", "\r\n")
    return out


# --- the title inside the table's caption ------------------------------------------


def caption_title(r: Rendered) -> Rendered:
    """"<TABLE>" and "<CAPTION>" moved from under the schedule's title to above
    it (the lines between, the title and units, shift down two)."""
    lines = r.text.split("\n")
    title = next((k for k, line in enumerate(lines) if re.match(r"\s*SCHEDULE [IVX]+\b", line)), None)
    if title is None:
        return r
    opening = next((k for k in range(title, len(lines)) if lines[k].strip() == "<TABLE>"), None)
    if opening is None or lines[opening + 1].strip() != "<CAPTION>":
        return r
    lines[title:opening + 2] = ["<TABLE>", "<CAPTION>", *lines[title:opening]]
    out = copy.copy(r)
    out.text = "\n".join(lines)
    return out  # (no figure above the table's headings: every one stays)


# --- lines wrapped at column 80 -------------------------------------------------------

WIDTH = 80


def wrapped(r: Rendered, width: int = WIDTH, indent: int = 0, lines_of: frozenset | None = None) -> Rendered:
    """Every line longer than `width` (of `lines_of` alone, where given: 1-based
    line numbers) cut at its last space before column width + 1, the rest on a
    line of its own `indent` blanks in."""
    def edit(n: int, lines: list) -> list:
        # `line`'s index `lead` is the old line's index `origin`.
        line, origin, lead, pieces = lines[n - 1], 0, 0, []
        if lines_of is not None and n not in lines_of:
            return [(line, 1, 0)]
        while len(line) > width:
            cut = line.rfind(" ", 0, width + 1)
            if cut <= lead or not line[lead:cut].strip():
                break  # (no word to break after: left long)
            pieces.append((line[:cut].rstrip(), origin + 1, lead - origin))
            rest = line[cut:]
            origin += cut + len(rest) - len(rest.lstrip()) - lead
            line, lead = " " * indent + rest.lstrip(), indent
        return [*pieces, (line, origin + 1, lead - origin)] if line.strip() or not pieces else pieces

    return relined(r, edit)


# --- Regulation S-X schedules before 1995 -----------------------------------------------

SCHEDULES_1994_INDEX = """
                   INDEX TO FINANCIAL STATEMENT SCHEDULES

                                                                        Page
                                                                        ----
Report of Independent Accountants on Financial Statement Schedules ..   S-1
Schedule V    -- Property, Plant and Equipment .......................   S-2
Schedule VI   -- Accumulated Depreciation of Property, Plant and
                 Equipment ...........................................   S-3
Schedule VIII -- Valuation and Qualifying Accounts ...................   S-4
Schedule IX   -- Short-Term Borrowings ...............................   S-5
Schedule X    -- Supplementary Income Statement Information ..........   S-6

     All other schedules are omitted because they are not applicable or the
required information is shown in the financial statements or notes thereto.

<PAGE>
"""

SCHEDULES_V_VI = """
                                  SCHEDULE V

                         PROPERTY, PLANT AND EQUIPMENT
                                (In thousands)

<TABLE>
<CAPTION>
    COLUMN A           COLUMN B        COLUMN C       COLUMN D      COLUMN E       COLUMN F
                      Balance at                                      Other       Balance at
                      Beginning       Additions                      Changes-       End of
Classification        of Period        at Cost      Retirements    Add (Deduct)     Period
--------------        ----------      ---------     -----------    ------------   ----------
<S>                   <C>             <C>           <C>            <C>            <C>
Year ended December 31, 1993:
  Land                  $ 1,200         $   --        $   --          $   --        $ 1,200
  Buildings              14,350            820           115              --         15,055
  Machinery              22,410          3,150         1,240             (60)        24,260
                        -------         ------        ------          ------        -------
                        $37,960         $3,970        $1,355          $  (60)       $40,515
                        =======         ======        ======          ======        =======
</TABLE>
                                                                         S-2
<PAGE>
                                  SCHEDULE VI

       ACCUMULATED DEPRECIATION OF PROPERTY, PLANT AND EQUIPMENT
                                (In thousands)

<TABLE>
<CAPTION>
    COLUMN A           COLUMN B        COLUMN C       COLUMN D      COLUMN E       COLUMN F
                      Balance at      Additions                       Other       Balance at
                      Beginning       Charged to                     Changes-       End of
Description           of Period       Income        Retirements    Add (Deduct)     Period
-----------           ----------      ----------    -----------    ------------   ----------
<S>                   <C>             <C>           <C>            <C>            <C>
Year ended December 31, 1993:
  Buildings             $ 4,120         $  455        $   80          $   --        $ 4,495
  Machinery               9,870          2,310         1,010             (25)        11,145
                        -------         ------        ------          ------        -------
                        $13,990         $2,765        $1,090          $  (25)       $15,640
                        =======         ======        ======          ======        =======
</TABLE>
                                                                         S-3
<PAGE>
"""

SCHEDULES_IX_X = """
<PAGE>
                                  SCHEDULE IX

                             SHORT-TERM BORROWINGS
                                (In thousands)

<TABLE>
<CAPTION>
                                                      Maximum       Average      Weighted
                                         Weighted      Amount        Amount       Average
  Category of          Balance at        Average    Outstanding   Outstanding  Interest Rate
  Aggregate            End of            Interest    During the    During the    During the
  Short-Term Borrowings Period             Rate        Period        Period        Period
  ---------------      ----------        --------   -----------   -----------  -------------
<S>                    <C>               <C>        <C>           <C>          <C>
Year ended December 31, 1993:
  Bank lines of credit   $ 3,500           4.1%       $ 8,200       $ 4,850         4.3%
Year ended December 31, 1992:
  Bank lines of credit   $ 5,250           4.6%       $ 9,100       $ 6,020         5.1%
</TABLE>
                                                                         S-5
<PAGE>
                                  SCHEDULE X

                 SUPPLEMENTARY INCOME STATEMENT INFORMATION
                                (In thousands)

<TABLE>
<CAPTION>
                                                   Charged to Costs and Expenses
                                             -----------------------------------------
Item                                           1993            1992            1991
----                                         --------        --------        --------
<S>                                          <C>             <C>             <C>
Maintenance and repairs                       $ 2,140         $ 1,985         $ 1,870
Advertising costs                               3,415           3,120           2,880
Taxes, other than payroll and income taxes        612             584             541
</TABLE>
                                                                         S-6
"""


def renumbered_viii(text: str) -> str:
    """The schedule numbered as before 1995 ("SCHEDULE VIII"), its lines kept."""
    return re.sub(r"^( *)SCHEDULE II\b", lambda m: m.group(1)[:-1] + "SCHEDULE VIII", text, count=1,
                  flags=re.MULTILINE)

