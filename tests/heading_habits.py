"""Column headings of real Schedule II tables, and the signs they go with, as edits of a table.

Test support, not part of the tool.  The layouts (tests/render*.py) print each
column's heading as the transcription gives it; label_habits and period_habits
vary rows' labels and periods' captions.  These are what filers print OVER the
figures, each applied alone to one of the 24 real tables as a `Habit`: a
`spec` edit (headings, and where the habit goes with it the columns' order,
a column split in two, or the signs a column is printed with; `roles` and
`deductions_sign` say what the figures truly are, so tests/expect.py's
arithmetic stays the truth) and/or a `layout` edit (how deep a heading wraps):

Rule 12-09's letters
- letters-only: "Column A" ... "Column F" and no words at all;
- letters-above: every heading under its letter ("Column C Additions ...");
- col-c-footnote: "Col. C(1)" letters, a footnote digit beside the letter;
how a heading is set
- word-per-line: headings wrapped a word (or two) a line over six lines;
- additions-span: "Additions" once over the columns that add (text), a spanning cell (HTML);
- dash-top, dash-bottom: the other accounts' heading (else the provision's) with Rule 12-09's dash
  alone atop its stack ("- Charged to other accounts") or at its foot ("Charged to other accounts -"),
  beside other headings' words; no-rule: text headings with no rule (nor <S> <C> line) under them;
  dash-top-no-rule, dash-bottom-no-rule: both;
- dash-bottom-dates, dash-top-dates: the same with the balances headed "Balance at December 31", the
  day on the headings' last line with the dash (at the foot, "31   EXPENSES   -   (2)   31") or on
  the last line of the stack the dash tops ("31   EXPENSES   DEDUCTIONS   31");
- dated-one-year: the latest year alone, its balances headed by their dates ("Balance at November
  30, 2012" ... "Balance at November 30, 2013"; text wraps them, "NOVEMBER 30," over the year alone
  under it on the headings' last line): each date's year a word of a heading, never a figure (and the
  opening's year the prior year's end, no period of its own); dated-one-year-dash-bottom,
  dated-one-year-dash-top: the same with dash-bottom's or dash-top's dash ("2017   EXPENSES -   -
  DESCRIBE   2018"); dated-one-year-no-rule: with no rule under the headings (typed, the year
  opening the headings' last line, "2004   expenses   Deductions   2005", is the date's, no
  period's caption); dated-one-year-dash-day: the heading right before the balance at end with
  the dash at its foot, typed (text) a line higher, the dash on the line of the closing date's day
  ("DEDUCTIONS -   31," or "-" alone under "DEDUCTIONS" before "31,", the year under it);
movement columns
- additions-deductions: the provision column headed "Additions (Deductions)" (both signs in it);
- net-charges-credits: the provision column headed "Net charges (credits) to expense";
- recoveries-column: the deductions split into "Write-offs" and a "Recoveries" column (adds);
- recoveries-under-deductions: "Write-offs" and "Recoveries" under a "Deductions" span, the
  recoveries printed against the write-offs' sign (a deduction of a negative amount);
- recoveries-negative: the same without the span: "Recoveries" alone over figures in parentheses;
- deductions-recoveries: the deductions headed "Deductions (Recoveries)";
- writeoffs-net: the deductions headed "Write-offs, net of recoveries";
- translation-column: a "Foreign currency translation" column split from the provision, both signs;
- adoption-column: "Impact of adoption of ASU 2016-13" before the provision (a standard's year);
- adoption-asc, adoption-sfas: the same headed "Adoption of ASC 326", "Cumulative effect of SFAS
  No. 115": a standard's number inside a heading, a word of it (typed, it stands alone under
  "OF ASC" or after "ASC" on its line), never a figure;
- adjusted-column: the same right after the balance at beginning, then "Balance at beginning of
  year, as adjusted" (the balance at beginning plus the adoption), the year's movements from it;
- adjusted-column-nil: the same, the adoption in the first printed year alone, the other years'
  adoption and balance as adjusted printed nil ("not printed": no adoption that year);
- net-movement: the provision and the deductions as one "Net additions (deductions)" column;
- costs-incurred, costs-charged-against, credited-to-income, released-to-income, charged-against:
  the deductions headed in words of an addition's vocabulary ("Costs incurred", "Amounts credited
  to income", "Released to income") or of none ("Amounts charged against the allowance");
- acquisitions-divestitures: an "Acquisitions/(Divestitures)" column split from the provision, both signs;
balances
- ending-balance, balance-end, closing, at-year-end: the closing heading as "Ending Balance",
  "Balance, End", "Closing", "At year end";
- beginning-of-period: the opening heading "Beginning of Period" alone;
- balance-dates, balance-at-dates: "Balance January 1" ... "Balance December 31", "Balance at ...";
- balance-dates-written-off, balance-at-utilized: the balances so, or both "Balance at" alone (CPI
  Holdco's), the movements "Provision" and "Amounts written off" or "Utilized": no other heading's word;
spellings
- typos: "Balanse at Begining of Period", "Deductons", "Balence at End of Period";
- caps-no-spaces: "BALANCEATBEGINNING", "CHARGEDTOCOSTSANDEXPENSES", ...;
- glued-digit: "Deductions2", "Balance at End of Period3";
- letter-only-mark: the deductions' heading "(a)" and nothing else;
- latin-typos: "Additiones Chargado ...", "Deductiones", "Begining";
- letters-shifted: the label column unlettered, the figures' letters from A (C over the deductions);
order and signs
- deductions-first: the deductions column before the additions;
- other-first: "Charged to other accounts" before "Charged to costs and expenses";
- parenthesised-deductions: deductions printed in parentheses under "Deductions" (a table
  that printed them positive): the arithmetic must decide they are taken away, not added back.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Optional

from render import parse_cell

SpecEdit = Callable[[dict], dict]
ADDING = {"charged_costs", "charged_other", "acquisitions", "translation", "recoveries", "other"}
SUBTRACTING = {"deductions", "writeoffs", "credited_costs", "credited_other"}


@dataclass(frozen=True)
class Habit:
    spec: Optional[SpecEdit] = None
    layout: Optional[Callable[[object], object]] = None  # a text Layout or an HtmlStyle, changed
    text: Optional[Callable[[str], str]] = None  # a text table's lines, as typed, changed


def _copy(spec: dict) -> dict:
    return json.loads(json.dumps(spec))


def _printed(value: Decimal, decimals: int) -> str:
    body = f"{abs(value):,.{decimals}f}"
    return f"({body})" if value < 0 else body


def _column(spec: dict, roles: set[str]) -> Optional[int]:
    """Index (in cells) of the first column of one of the roles, or None."""
    return next((k for k, r in enumerate(spec["roles"][1:]) if r in roles), None)


# --- headings ----------------------------------------------------------------------


def _heading(roles: set[str], new: Callable[[str], str], every: bool = False) -> SpecEdit:
    """The heading of the first (or every) column of one of the roles replaced by new(old)."""
    def apply(spec: dict) -> dict:
        spec = _copy(spec)
        for k, role in enumerate(spec["roles"]):
            if k and role in roles:
                spec["columns"][k] = new(spec["columns"][k])
                if not every:
                    break
        return spec
    return apply


def _headings(*edits: SpecEdit) -> SpecEdit:
    def apply(spec: dict) -> dict:
        for e in edits:
            spec = e(spec)
        return spec
    return apply


def _words(heading: str) -> str:
    """A heading without its Rule 12-09 letter."""
    from render import split_letter
    return split_letter(heading)[1]


def letters_only(spec: dict) -> dict:
    spec = _copy(spec)
    spec["columns"] = [f"Column {chr(65 + k)}" for k in range(len(spec["columns"]))]
    return spec


def _lettered(spell: str, footnote: bool) -> SpecEdit:
    def apply(spec: dict) -> dict:
        spec = _copy(spec)
        out = []
        for k, heading in enumerate(spec["columns"]):
            letter = chr(65 + k)
            mark = "(1)" if footnote and spec["roles"][k] == "charged_costs" else ""
            out.append(f"{spell} {letter}{mark} {_words(heading)}".strip())
        spec["columns"] = out
        return spec
    return apply


def caps_no_spaces(spec: dict) -> dict:
    spec = _copy(spec)
    spec["columns"] = [spec["columns"][0]] + ["".join(_words(h).upper().split()) for h in spec["columns"][1:]]
    return spec


def glued_digit(spec: dict) -> dict:
    spec = _copy(spec)
    for k, role in enumerate(spec["roles"]):
        if role in ("deductions", "ending"):
            words = _words(spec["columns"][k]).rstrip()
            if words and words[-1].isalpha():
                spec["columns"][k] = words + ("2" if role == "deductions" else "3")
    return spec


def _typo(heading: str) -> str:
    for right, wrong in (("Beginning", "Begining"), ("beginning", "begining"), ("Balance", "Balanse"),
                         ("balance", "balanse"), ("Deductions", "Deductons"), ("deductions", "deductons"),
                         ("Deduction", "Deducton")):
        heading = heading.replace(right, wrong, 1)
    return heading


def _ending_typo(heading: str) -> str:
    return heading.replace("Balance", "Balence", 1).replace("balance", "balence", 1)


# --- columns moved or split --------------------------------------------------------------


def _move(spec: dict, frm: int, to: int) -> dict:
    """Column frm (in cells) moved to stand at index to, in headings, roles and every row."""
    spec = _copy(spec)
    for seq in (spec["columns"], spec["roles"]):
        seq.insert(to + 1, seq.pop(frm + 1))
    for period in spec["periods"]:
        for row in period["rows"]:
            for key in ("cells", "footnotes"):
                if len(row.get(key) or []) > max(frm, to):
                    row[key].insert(to, row[key].pop(frm))
    return spec


def deductions_first(spec: dict) -> dict:
    d = _column(spec, SUBTRACTING)
    a = _column(spec, ADDING)
    if d is None or a is None or d < a:
        return spec
    return _move(spec, d, a)


def other_first(spec: dict) -> dict:
    o = _column(spec, {"charged_other"})
    c = _column(spec, {"charged_costs"})
    if o is None or c is None or o < c:
        return spec
    return _move(spec, o, c)


def _parts(rows: list[dict]):
    """(total row, its parts) as tests/expect.py sums them: the items since the
    previous total, or the subtotals above where there are none."""
    items, subtotals = [], []
    for row in rows:
        if not row["cells"]:
            continue
        if not row.get("is_total"):
            items.append(row)
            continue
        yield row, items or subtotals
        if items:
            subtotals.append(row)
        items = []


def _split(source: set[str], role: str, heading: str, share: Callable[[Decimal, int], Decimal],
           rest: Callable[[Decimal, Decimal, dict], Decimal], after: bool = True) -> SpecEdit:
    """A column of `role` split off the first column of `source`: each item's new figure
    share(value, k) (k counts the period's items), the source's figure rest(value, new, spec);
    a total's new figure the sum of its parts' (so the column totals hold as they did)."""
    def apply(spec: dict) -> dict:
        k = _column(spec, source)
        if k is None:
            return spec
        spec = _copy(spec)
        at = k + 1 if after else k
        spec["columns"].insert(at + 1, heading)
        spec["roles"].insert(at + 1, role)
        for period in spec["periods"]:
            news: dict[int, tuple[Decimal, int]] = {}
            n = 0
            for row in period["rows"]:
                if not row["cells"] or row.get("is_total"):
                    continue
                kind, value, decimals = parse_cell(row["cells"][k])
                if kind == "amount":
                    news[id(row)] = (share(value, n), decimals)
                    n += 1
            for total, parts in _parts(period["rows"]):
                got = [news[id(p)] for p in parts if id(p) in news]
                if got:
                    news[id(total)] = (sum((v for v, _ in got), Decimal(0)), max(d for _, d in got))
            for row in period["rows"]:
                if not row["cells"]:
                    continue
                if row.get("footnotes"):
                    row["footnotes"].insert(at, "")  # (the new column's figures carry no mark)
                old = row["cells"][k]
                if id(row) not in news:
                    row["cells"].insert(at, old)  # a nil or blank stays one in both columns
                    continue
                new, decimals = news[id(row)]
                _, value, _ = parse_cell(old)
                row["cells"][k] = _printed(rest(value, new, spec), decimals)
                row["cells"].insert(at, _printed(new, decimals))
        return spec
    return apply


def _tenth(value: Decimal, decimals: int = 0) -> Decimal:
    return (abs(value) / 10).quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_DOWN")


def _both_signs(value: Decimal, n: int) -> Decimal:
    return _tenth(value) if n % 2 == 0 else -_tenth(value)


def _less(value: Decimal, new: Decimal, spec: dict) -> Decimal:
    """The adding source's figure once `new` (which adds too) is split off."""
    return value - new


def _gross(value: Decimal, recovered: Decimal, spec: dict) -> Decimal:
    """The write-offs gross of what is recovered (printed as the deductions were)."""
    return value + recovered if spec["deductions_sign"] == "positive-subtracted" else value - recovered


def parenthesised_deductions(spec: dict) -> dict:
    """Deductions printed positive printed in parentheses (and a table that printed
    them negative printed positive): the heading still says "Deductions"."""
    spec = _copy(spec)
    cols = [k for k, r in enumerate(spec["roles"][1:]) if r in SUBTRACTING]
    for period in spec["periods"]:
        for row in period["rows"]:
            for k in cols:
                if k < len(row["cells"]):
                    kind, value, decimals = parse_cell(row["cells"][k])
                    if kind == "amount" and value:
                        row["cells"][k] = _printed(-value, decimals)
    spec["deductions_sign"] = ("negative-added" if spec["deductions_sign"] == "positive-subtracted"
                               else "positive-subtracted")
    return spec


def _against(value: Decimal, n: int) -> Decimal:
    """A recovery printed against the write-offs' sign (in parentheses where they are positive)."""
    return -_tenth(value) if value >= 0 else _tenth(value)


def letters_shifted(spec: dict) -> dict:
    """The label column unlettered, the figures' letters from A: one off Rule 12-09's."""
    spec = _copy(spec)
    spec["columns"] = [_words(spec["columns"][0])] + [
        f"Column {chr(65 + k)} {_words(h)}".strip() for k, h in enumerate(spec["columns"][1:])]
    return spec


def net_movement(spec: dict) -> dict:
    """The provision and the deductions printed as one net column of both signs."""
    c, d = _column(spec, PROVISION), _column(spec, {"deductions", "writeoffs"})
    if c is None or d is None:
        return spec
    spec = _copy(spec)
    subtracted = spec["deductions_sign"] == "positive-subtracted"
    for period in spec["periods"]:
        for row in period["rows"]:
            if not row["cells"]:
                continue
            (ck, cv, cd), (dk, dv, dd) = parse_cell(row["cells"][c]), parse_cell(row["cells"][d])
            if ck != "amount" and dk != "amount":
                row["cells"].pop(d)
            else:
                net = (cv or Decimal(0)) + (-(dv or Decimal(0)) if subtracted else (dv or Decimal(0)))
                row["cells"][c] = _printed(net, max(cd, dd))
                row["cells"].pop(d)
            if len(row.get("footnotes") or []) > d:
                row["footnotes"].pop(d)
    spec["columns"][c + 1] = "Net additions (deductions)"
    spec["columns"].pop(d + 1)
    spec["roles"].pop(d + 1)
    return spec


def _deep(layout):
    fields = {f.name for f in dataclasses.fields(layout)}
    if "heading_depth" in fields:
        return dataclasses.replace(layout, heading_depth=6)
    if "heading_rows" in fields:
        return dataclasses.replace(layout, heading_rows=4)
    return dataclasses.replace(layout, html=dataclasses.replace(layout.html, heading_rows=4))


def _spanned(layout):
    if hasattr(layout, "html"):
        return dataclasses.replace(layout, html=dataclasses.replace(layout.html, additions_span=True))
    return dataclasses.replace(layout, additions_span=True)


def _additions_words(spec: dict) -> dict:
    """Every adding movement's heading opening with "Additions" (what a span is printed over)."""
    spec = _copy(spec)
    for k, role in enumerate(spec["roles"]):
        if role in ("charged_costs", "charged_other"):
            words = _words(spec["columns"][k])
            if not words.lower().startswith("additions"):
                spec["columns"][k] = "Additions " + words[:1].lower() + words[1:]
    return spec


def _adjusted_nil(spec: dict) -> dict:
    """`_adjusted` with the adoption in the first printed period alone (its amounts given back
    to the provision in the others, printed nil), and a year without an adoption printing no
    balance as adjusted: a nil ("\u2014") in each of its rows (the filer's "not printed", never
    a zero balance)."""
    adoption = next((k for k, h in enumerate(spec["columns"][1:]) if "adoption" in h.lower()), None)
    provision = _column(spec, PROVISION)
    if adoption is None or provision is None:
        return spec
    spec = _copy(spec)
    for period in spec["periods"][1:]:
        for row in period["rows"]:
            if not row["cells"]:
                continue
            kind, value, decimals = parse_cell(row["cells"][adoption])
            if kind != "amount":
                continue
            _, charged, _ = parse_cell(row["cells"][provision])
            row["cells"][provision] = _printed((charged or Decimal(0)) + value, decimals)
            row["cells"][adoption] = "\u2014"
    return _adjusted(spec, nil_unadopted=True)


def _adjusted(spec: dict, nil_unadopted: bool = False) -> dict:
    """The adoption's column moved to follow the balance at beginning, and a column "Balance at
    beginning of year, as adjusted" after it: each row's balance at beginning plus its adoption
    (a nil where both are nil)."""
    adoption = next((k for k, h in enumerate(spec["columns"][1:]) if "adoption" in h.lower()), None)
    if adoption is None:
        return spec
    opening = spec["roles"][1:].index("beginning")
    spec = _move(spec, adoption, opening + 1)  # (right after the balance it adjusts)
    adoption = opening + 1
    spec["columns"].insert(adoption + 2, "Balance at beginning of year, as adjusted")
    spec["roles"].insert(adoption + 2, "adjusted")
    for period in spec["periods"]:
        adopted = any(row["cells"] and parse_cell(row["cells"][adoption])[0] == "amount" for row in period["rows"])
        for row in period["rows"]:
            if not row["cells"]:
                continue
            if row.get("footnotes"):
                row["footnotes"].insert(adoption + 1, "")
            if nil_unadopted and not adopted:
                row["cells"].insert(adoption + 1, "\u2014")
                continue
            cells = [parse_cell(row["cells"][k]) for k in (opening, adoption)]
            if all(kind != "amount" for kind, _, _ in cells):
                row["cells"].insert(adoption + 1, row["cells"][opening])
                continue
            value = sum((v for kind, v, _ in cells if kind == "amount"), Decimal(0))
            row["cells"].insert(adoption + 1, _printed(value, max(d for kind, _, d in cells if kind == "amount")))
    return spec


def _unruled(layout):
    """Text headings with no rule under them (and, tagged, no <S> <C> line): the rows right
    under the headings' last line.  (HTML has no such rule: unchanged.)"""
    if "heading_rule" not in {f.name for f in dataclasses.fields(layout)}:
        return layout
    return dataclasses.replace(layout, heading_rule=False, markers=False)


# What Rule 12-09's form and a footnote put round a heading: "(1) ", " - Describe", " (describe)", " (2)".
_DESCRIBE = re.compile(r"^\(\d\)\s*|\s*(?:-\s*describe|\((?:describe|\d)\))\s*$", re.IGNORECASE)


def _dash_before_closing(spec: dict) -> dict:
    """The heading of the column right before the balance at end with Rule 12-09's dash at its
    foot ("Deductions -"): the dash printed on the line, and right before the day, of the closing
    balance's date ("DEDUCTIONS -   31,")."""
    closing = _column(spec, CLOSING)
    if not closing:
        return spec
    words = _DESCRIBE.sub("", _words(spec["columns"][closing])).strip()
    if not words:
        return spec
    spec = _copy(spec)
    spec["columns"][closing] = f"{words} -"
    return spec


# The rule under the text headings: a run of dashes under each column.
_COLUMN_RULES = re.compile(r"^ *-{3,}(?: +-{3,})+ *$")


def _raised_before_closing(text: str) -> str:
    """A text table's lines with the heading of the column right before the balance at end typed a
    line higher (its foot on the line of the closing date's day, the year alone under it: "DEDUCTIONS
    -   31," over "2005"); unchanged where the line over its stack is not blank there."""
    lines = text.split("\n")
    rule = next((k for k, ln in enumerate(lines) if _COLUMN_RULES.match(ln)), None)
    if rule is None:
        return text
    runs = [m.span() for m in re.finditer(r"-+", lines[rule])]
    start, end = runs[-2]
    top = rule
    while top > 0 and lines[top - 1].strip() and not re.match(r" *(?:<|col)", lines[top - 1], re.IGNORECASE):
        top -= 1
    if lines[top][start:end].strip():  # (its heading as deep as the stack)
        return text
    for k in range(top, rule):
        below = lines[k + 1][start:end].ljust(end - start) if k + 1 < rule else " " * (end - start)
        lines[k] = (lines[k].ljust(end)[:start] + below + lines[k].ljust(end)[end:]).rstrip()
    return "\n".join(lines)


def _describe_dash(where: str) -> SpecEdit:
    """The other accounts' heading (else the provision's) in Rule 12-09's form, "... - describe",
    the dash set where a typist leaves it alone on a line: "bottom", the describing word left
    off, the dash under the heading's last word ("Charged to other accounts -"); "top", the dash
    over the heading's first word ("- Charged to other accounts", the describing word the line
    above's)."""
    def apply(spec: dict) -> dict:
        k = _column(spec, {"charged_other"})
        k = _column(spec, PROVISION) if k is None else k
        if k is None:
            return spec
        spec = _copy(spec)
        words = _DESCRIBE.sub("", _words(spec["columns"][k + 1])).strip()
        spec["columns"][k + 1] = f"{words} -" if where == "bottom" else f"- {words}"
        return spec
    return apply


OPENING, CLOSING, PROVISION = {"beginning"}, {"ending"}, {"charged_costs"}
DEDUCTIONS = {"deductions", "writeoffs"}
AT_DATES = _headings(_heading(OPENING, lambda h: "Balance at December 31"),
                     _heading(CLOSING, lambda h: "Balance at December 31"))

def dated_one_year(spec: dict) -> dict:
    """The latest period alone, its balances headed "Balance at <its end>, <the year before>" and
    "Balance at <its end>, <its year>" (a one-year table's balance headings printing their dates)."""
    from period_habits import MONTHS, _ends, _ranks
    latest = _ranks(spec).index(0)
    y, m, d = _ends(spec)[latest]
    d = min(d, 28) if m == 2 else d  # (the year before's February)
    spec = _copy(spec)
    spec["periods"] = [spec["periods"][latest]]
    return _headings(_heading(OPENING, lambda h: f"Balance at {MONTHS[m - 1]} {d}, {y - 1}"),
                     _heading(CLOSING, lambda h: f"Balance at {MONTHS[m - 1]} {d}, {y}"))(spec)


HABITS: dict[str, Habit] = {
    "letters-only": Habit(spec=letters_only),
    "letters-above": Habit(spec=_lettered("Column", False)),
    "col-c-footnote": Habit(spec=_lettered("Col.", True)),
    "word-per-line": Habit(layout=_deep),
    "additions-span": Habit(spec=_additions_words, layout=_spanned),
    "additions-deductions": Habit(spec=_heading(PROVISION, lambda h: "Additions (Deductions)")),
    "net-charges-credits": Habit(spec=_heading(PROVISION, lambda h: "Net charges (credits) to expense")),
    "recoveries-column": Habit(spec=_headings(
        _split({"deductions", "writeoffs"}, "recoveries", "Recoveries", lambda v, n: _tenth(v), _gross),
        _heading({"deductions", "writeoffs"}, lambda h: "Write-offs"))),
    "writeoffs-net": Habit(spec=_heading({"deductions", "writeoffs"}, lambda h: "Write-offs, net of recoveries")),
    "translation-column": Habit(spec=_split(PROVISION, "translation", "Foreign currency translation",
                                            _both_signs, _less)),
    "acquisitions-divestitures": Habit(spec=_split(PROVISION, "acquisitions", "Acquisitions/(Divestitures)",
                                                   _both_signs, _less)),
    "ending-balance": Habit(spec=_heading(CLOSING, lambda h: "Ending Balance")),
    "balance-end": Habit(spec=_heading(CLOSING, lambda h: "Balance, End")),
    "closing": Habit(spec=_heading(CLOSING, lambda h: "Closing")),
    "at-year-end": Habit(spec=_heading(CLOSING, lambda h: "At year end")),
    "beginning-of-period": Habit(spec=_heading(OPENING, lambda h: "Beginning of Period")),
    "balance-dates": Habit(spec=_headings(_heading(OPENING, lambda h: "Balance January 1"),
                                          _heading(CLOSING, lambda h: "Balance December 31"))),
    "typos": Habit(spec=_headings(_heading(OPENING | {"deductions"}, _typo, every=True),
                                  _heading(CLOSING, _ending_typo))),
    "caps-no-spaces": Habit(spec=caps_no_spaces),
    "glued-digit": Habit(spec=glued_digit),
    "letter-only-mark": Habit(spec=_heading({"deductions"}, lambda h: "(a)")),
    "deductions-first": Habit(spec=deductions_first),
    "other-first": Habit(spec=other_first),
    "parenthesised-deductions": Habit(spec=parenthesised_deductions),
    "recoveries-under-deductions": Habit(spec=_headings(
        _split({"deductions", "writeoffs"}, "deductions", "Deductions Recoveries", _against, _less),
        _heading({"deductions", "writeoffs"}, lambda h: "Deductions Write-offs")), layout=_spanned),
    "recoveries-negative": Habit(spec=_headings(
        _split({"deductions", "writeoffs"}, "deductions", "Recoveries", _against, _less),
        _heading({"deductions", "writeoffs"}, lambda h: "Write-offs"))),
    "deductions-recoveries": Habit(spec=_heading({"deductions", "writeoffs"}, lambda h: "Deductions (Recoveries)")),
    "letters-shifted": Habit(spec=letters_shifted),
    "net-movement": Habit(spec=net_movement),
    "adoption-column": Habit(spec=_split(PROVISION, "other", "Impact of adoption of ASU 2016-13",
                                         lambda v, n: _tenth(v), _less, after=False)),
    "adoption-asc": Habit(spec=_split(PROVISION, "other", "Adoption of ASC 326",
                                      lambda v, n: _tenth(v), _less, after=False)),
    "adoption-sfas": Habit(spec=_split(PROVISION, "other", "Cumulative effect of SFAS No. 115",
                                       lambda v, n: _tenth(v), _less, after=False)),
    "adjusted-column": Habit(spec=_headings(_split(PROVISION, "other", "Impact of adoption of ASU 2016-13",
                                                   lambda v, n: _tenth(v), _less, after=False), _adjusted)),
    "adjusted-column-nil": Habit(spec=_headings(_split(PROVISION, "other", "Impact of adoption of ASU 2016-13",
                                                       lambda v, n: _tenth(v), _less, after=False), _adjusted_nil)),
    "latin-typos": Habit(spec=_headings(
        _heading(PROVISION, lambda h: h.replace("Additions", "Additiones").replace("Charged", "Chargado")),
        _heading({"deductions"}, lambda h: h.replace("Deductions", "Deductiones").replace("Deduction", "Deduccion")),
        _heading(OPENING, lambda h: h.replace("Beginning", "Begining").replace("beginning", "begining")))),
    "costs-charged-against": Habit(spec=_heading({"deductions"}, lambda h: "Costs charged against the reserve")),
    "costs-incurred": Habit(spec=_heading({"deductions"}, lambda h: "Costs incurred")),
    "credited-to-income": Habit(spec=_heading({"deductions"}, lambda h: "Amounts credited to income")),
    "released-to-income": Habit(spec=_heading({"deductions"}, lambda h: "Released to income")),
    "charged-against": Habit(spec=_heading({"deductions"}, lambda h: "Amounts charged against the allowance")),
    "balance-at-dates": Habit(spec=_headings(_heading(OPENING, lambda h: "Balance at January 1"),
                                             _heading(CLOSING, lambda h: "Balance at December 31"))),
    "balance-dates-written-off": Habit(spec=_headings(_heading(OPENING, lambda h: "Balance January 1"),
                                                      _heading(CLOSING, lambda h: "Balance December 31"),
                                                      _heading(PROVISION, lambda h: "Provision"),
                                                      _heading(DEDUCTIONS, lambda h: "Amounts written off"))),
    "balance-at-utilized": Habit(spec=_headings(_heading(OPENING | CLOSING, lambda h: "Balance at", every=True),
                                                _heading(PROVISION, lambda h: "Provision"),
                                                _heading(DEDUCTIONS, lambda h: "Utilized"))),
    "dash-bottom": Habit(spec=_describe_dash("bottom")),
    "dash-top": Habit(spec=_describe_dash("top")),
    "no-rule": Habit(layout=_unruled),
    "dash-bottom-no-rule": Habit(spec=_describe_dash("bottom"), layout=_unruled),
    "dash-top-no-rule": Habit(spec=_describe_dash("top"), layout=_unruled),
    "dash-bottom-dates": Habit(spec=_headings(AT_DATES, _describe_dash("bottom"))),
    "dash-top-dates": Habit(spec=_headings(AT_DATES, _describe_dash("top"))),
    "dated-one-year": Habit(spec=dated_one_year),
    "dated-one-year-dash-bottom": Habit(spec=_headings(dated_one_year, _describe_dash("bottom"))),
    "dated-one-year-dash-top": Habit(spec=_headings(dated_one_year, _describe_dash("top"))),
    "dated-one-year-no-rule": Habit(spec=dated_one_year, layout=_unruled),
    "dated-one-year-dash-day": Habit(spec=_headings(dated_one_year, _dash_before_closing), text=_raised_before_closing),
}
