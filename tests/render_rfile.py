"""Render a Schedule II table spec as EDGAR's XBRL viewer prints it: an "R file" (test support).

The viewer (the SEC's "Renderer") turns a filing's XBRL facts into one HTML page per
report, R1.htm, R2.htm ...; Schedule II is one of the "(Details)" reports.  Its markup:
a `<table class="report">` whose corner `<th class="tl">` holds the report's title, the
currency and the scale ("... (Details) - USD ($)<br> $ in Thousands"), a spanning
"12 Months Ended" over a row of dates ("Dec. 31, 2019"), then rows `<tr class="re">` /
`<tr class="ro">` whose label cell `<td class="pl">` links to the concept's definition
and whose figures are `<td class="nump">$ 1,128<span></span></td>` (`class="num"` for a
negative), blanks `<td class="text">&#160;<span></span></td>`.  The reserves are the
members of the ValuationAllowancesAndReservesTypeAxis, labelled "Allowance for Doubtful
Accounts [Member]": a row of their own (`<tr class="rh">`) over each one's movements, or a
column each, under a third header row.  The totals are the facts of no member: they come
first and are named by nothing.  Footnotes print `<sup>[1]</sup>` beside a figure and in a
table after the report; the concepts' definitions follow in hidden tables.

`RStyle` says which of the viewer's arrangements to print; `render` returns a
`render.Rendered` (the HTML, where each figure was printed, the labels the tool must give).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from render import DATE, YEAR, Printed, Rendered, parse_cell

HEAD = """<html>
<head>
<title></title>
<link rel="stylesheet" type="text/css" href="report.css">
<script type="text/javascript" src="Show.js">/* Do Not Remove This Comment */</script><script type="text/javascript">
function toggleNextSibling (e) {
if (e.nextSibling.style.display=='none') {
e.nextSibling.style.display='block';
} else { e.nextSibling.style.display='none'; }
}</script>
</head>
<body>
<span style="display: none;">v3.20.2</span><table class="report" border="0" cellspacing="2" id="idm140399">
"""
TITLE = "Schedule II - Valuation and Qualifying Accounts (Details)"
SCALE = {"thousands": " $ in Thousands", "millions": " $ in Millions"}
MONTHS = "Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sep. Oct. Nov. Dec.".split()
MONTH_NAMES = "january february march april may june july august september october november december".split()
CONCEPT = {"beginning": "ValuationAllowancesAndReservesBalance", "ending": "ValuationAllowancesAndReservesBalance",
           "charged_costs": "ValuationAllowancesAndReservesChargedToCostAndExpense",
           "charged_other": "ValuationAllowancesAndReservesChargedToOtherAccounts",
           "deductions": "ValuationAllowancesAndReservesDeductions"}
DEFINITION = {"ValuationAllowancesAndReservesBalance": "Amount of valuation and qualifying accounts and reserves.",
              "ValuationAllowancesAndReservesChargedToCostAndExpense":
                  "Amount of increase in valuation and qualifying accounts and reserves from charge to cost and expense.",
              "ValuationAllowancesAndReservesDeductions": "Amount of decrease in valuation and qualifying accounts and reserves."}
MARKERS = re.compile(r"(\s*(\(\w{1,2}\)|\*+|\d))+$")
LETTERS = re.compile(r"^\s*col(?:umn|\.)?\s+[a-h](\(\d\))?\s+", re.IGNORECASE)


@dataclass(frozen=True)
class RStyle:
    members: str = "rows"  # rows: a [Member] row over each reserve's movements | columns: a column per reserve and date
    captions: bool = True  # the "[Line Items]" and "[Roll Forward]" caption rows over the movements
    nil: str = "blank"  # blank: a nil is no fact, a blank cell | zero: a fact of 0
    member_in_title: bool = False  # one reserve: named in the report's title, no member row or column
    viewer: str = "v3"  # v3: "(Details) - X [Member] - USD ($)<br> $ in Thousands" | v2 (before 2014):
    #                     "(Details) (X [Member], USD $)<br>In Thousands, unless otherwise specified"
    label_notes: bool = False  # a heading's footnote marker on its row's label, "Deductions<sup>[1]</sup>"


def variants(spec: dict) -> dict:
    """The arrangements the viewer prints a spec in: name -> (spec as filed, RStyle)."""
    one = _one_account(spec)
    return {
        "members-as-rows": (spec, RStyle()),
        "members-as-rows-bare": (spec, RStyle(captions=False, nil="zero")),
        "members-as-columns": (spec, RStyle(members="columns")),
        "members-as-columns-zeros": (spec, RStyle(members="columns", captions=False, nil="zero")),
        "one-member-in-title": (one, RStyle(member_in_title=True)),
        "one-member-one-period": (dict(one, periods=one["periods"][:1]), RStyle(member_in_title=True, nil="zero")),
        "v2-members-as-rows": (spec, RStyle(viewer="v2", label_notes=True)),
        "v2-one-member-in-title": (one, RStyle(member_in_title=True, viewer="v2", label_notes=True, nil="zero")),
    }


def _one_account(spec: dict) -> dict:
    """The spec's first reserve alone, as a small filer with one reserve files it."""
    first = next(row["label"] for row in spec["periods"][0]["rows"] if row["cells"] and row["label"])
    periods = []
    for period in spec["periods"]:
        rows = [row for row in period["rows"] if row["cells"] and account(row["label"]) == account(first)][:1]
        periods.append(dict(period, rows=rows))
    return dict(spec, periods=[p for p in periods if p["rows"]])


def account(label: str) -> str:
    """A reserve's name as its member's label: markers and colons off."""
    return " ".join(MARKERS.sub("", label).rstrip(":").split())


def movement(heading: str) -> str:
    """A column heading as the concept's label of a row: column letters and markers off."""
    return " ".join(MARKERS.sub("", LETTERS.sub("", heading)).split())


def date(label: str) -> str:
    """A period label as the viewer's date of its end: "Dec. 31, 2019"."""
    m = DATE.search(label)
    if m:
        return f"{MONTHS[MONTH_NAMES.index(m.group(1).lower())]} {int(m.group(2))}, {m.group(3)}"
    years = [y.group(0) for y in YEAR.finditer(label)]
    return f"Dec. 31, {years[-1]}"


class _Blocks:
    """The spec's reserves: (member label or None for the totals, {period: row index}), totals first."""

    def __init__(self, spec: dict):
        self.names: list = []
        self.at: dict = {}
        for pi, period in enumerate(spec["periods"]):
            for ri, row in enumerate(period["rows"]):
                if not row["cells"]:
                    continue  # a group caption: no fact, the viewer prints nothing
                name = None if row.get("is_total") else account(row["label"])
                key = (name, len([1 for r in period["rows"][:ri] if r.get("is_total")])) if name is None else name
                if key not in self.names:
                    self.names.append(key)
                self.at.setdefault(key, {}).setdefault(pi, ri)
        # The facts of no member sort first, as the viewer prints the default context first.
        self.names.sort(key=lambda k: not isinstance(k, tuple))

    @staticmethod
    def label(key) -> str:
        return "Total" if isinstance(key, tuple) else key


class _Out:
    def __init__(self):
        self.parts, self.size, self.marks = [], 0, []

    def write(self, text: str):
        self.parts.append(text)
        self.size += len(text)

    def figure(self, key, lead: str, body: str, tail: str):
        self.write(lead)
        self.marks.append((key, self.size))
        self.write(body + tail)


def render(spec: dict, style: RStyle = RStyle()) -> Rendered:
    out, rendered = _Out(), Rendered("")
    blocks = _Blocks(spec)
    order = list(range(len(spec["periods"])))
    rendered.period_labels.extend(date(p["label"]) for p in spec["periods"])
    for key in blocks.names:
        for pi, ri in blocks.at[key].items():
            rendered.row_labels[(pi, ri)] = blocks.label(key)
    notes = _notes(spec)
    columns = [(pi, None) for pi in order] if style.members == "rows" or style.member_in_title else [
        (pi, key) for pi in order for key in blocks.names if pi in blocks.at[key]]
    out.write(HEAD)
    _header(out, spec, style, blocks, columns)
    if style.captions:
        _caption_row(out, "SEC Schedule, 12-09, Valuation and Qualifying Accounts Disclosure [Line Items]",
                     "us-gaap_ValuationAndQualifyingAccountsDisclosureLineItems", len(columns))
        _caption_row(out, "Movement in Valuation Allowances and Reserves [Roll Forward]",
                     "us-gaap_ValuationAllowancesAndReservesRollForward", len(columns))
    if style.members == "rows" and not style.member_in_title:
        for key in blocks.names:
            if not isinstance(key, tuple):
                _caption_row(out, f"{key} [Member]", "us-gaap_" + _member(key), len(columns), "rh")
            _movements(out, spec, style, [(pi, blocks.at[key].get(pi)) for pi, _ in columns], notes)
    else:
        placed = [(pi, blocks.at[key].get(pi) if key is not None else blocks.at[blocks.names[0]].get(pi))
                  for pi, key in columns]
        _movements(out, spec, style, placed, notes)
    out.write("</table>\n")
    _footnotes(out, notes)
    _definitions(out, spec)
    out.write("</body>\n</html>\n")
    rendered.text = "".join(out.parts)
    starts = [0] + [i + 1 for i, ch in enumerate(rendered.text) if ch == "\n"]
    for (pi, ri, k, raw, value), offset in out.marks:
        line = bisect_right(starts, offset)
        column = offset - starts[line - 1] + 1
        rendered.figures.append(Printed(pi, ri, k, raw, value, line, column, column + len(raw)))
    return rendered


def _header(out, spec, style, blocks, columns):
    units = spec.get("units", "dollars")
    member = f"{blocks.label(blocks.names[0])} [Member]" if style.member_in_title else ""
    if style.viewer == "v2":
        scale = f"In {units.capitalize()}, unless otherwise specified" if units in SCALE else ""
        title = f"{TITLE} ({member + ', ' if member else ''}USD $)<br>{scale}"
    else:
        title = TITLE + (f" - {member}" if member else "") + " - USD ($)" + (f"<br>{SCALE[units]}" if units in SCALE else "")
    depth = 3 if style.members == "columns" and not style.member_in_title else 2
    out.write(f'<tr>\n<th class="tl" colspan="1" rowspan="{depth}"><div style="width: 200px;"><strong>{title}'
              f'</strong></div></th>\n<th class="th" colspan="{len(columns)}">12 Months Ended</th>\n</tr>\n<tr>\n')
    for pi, _ in columns:
        out.write(f'<th class="th"><div>{date(spec["periods"][pi]["label"])}</div></th>\n')
    out.write("</tr>\n")
    if depth == 3:
        out.write("<tr>\n")
        for _, key in columns:
            name = "" if isinstance(key, tuple) else f"{html.escape(key)} [Member]"
            out.write(f'<th class="th"><div>{name}</div></th>\n')
        out.write("</tr>\n")


def _member(name: str) -> str:
    return "".join(w.capitalize() for w in re.findall(r"[A-Za-z]+", name)) + "Member"


def _link(text: str, element: str, strong: bool = False) -> str:
    inner = f"<strong>{text}</strong>" if strong else text
    return (f'<a class="a" href="javascript:void(0);" onclick="top.Show.showAR( this, \'defref_{element}\', '
            f'window );">{inner}</a>')


def _caption_row(out, text, element, width, kind="re"):
    out.write(f'<tr class="{kind}">\n<td class="pl " style="border-bottom: 0px;" valign="top">'
              f"{_link(html.escape(text), element, strong=True)}</td>\n")
    out.write('<td class="text">&#160;<span></span></td>\n' * width + "</tr>\n")


def _movements(out, spec, style, placed, notes):
    """A row per movement; `placed`: (period, the reserve's row there or None) per figure column."""
    roles = spec["roles"][1:]
    for k, heading in enumerate(spec["columns"][1:]):
        kind = "re" if k % 2 == 0 else "ro"
        element = "us-gaap_" + CONCEPT.get(roles[k], "ValuationAllowancesAndReserves" + _member(roles[k])[:-6])
        mark = MARKERS.search(LETTERS.sub("", heading)) if style.label_notes else None
        sup = f"<sup>[{_label_note(mark.group(0).strip(), notes)}]</sup>" if mark else ""
        out.write(f'<tr class="{kind}">\n<td class="pl " style="border-bottom: 0px;" valign="top">'
                  f"{_link(html.escape(movement(heading)), element)}{sup}</td>\n")
        for pi, ri in placed:
            row = spec["periods"][pi]["rows"][ri] if ri is not None else None
            _cell(out, style, pi, ri, k, row, roles[k] in ("beginning", "ending"), notes)
        out.write("</tr>\n")


def _label_note(mark: str, notes: dict) -> int:
    """A heading's marker's number among the footnotes, numbered on after the figures' own."""
    return notes.setdefault(mark, len(notes) + 1)


def _cell(out, style, pi, ri, k, row, balance, notes):
    text = row["cells"][k] if row else ""
    kind, value, _ = parse_cell(text)
    mark = ((row.get("footnotes") or [""] * len(row["cells"]))[k] if row else "") or ""
    sup = f"<sup>[{notes[mark]}]</sup>" if mark else ""
    if kind == "blank" or (kind == "nil" and style.nil == "blank"):
        out.write(f'<td class="text">&#160;{sup}<span></span></td>\n')
        return
    if kind == "nil":
        value, digits = Decimal(0), "0"
    else:
        digits = text.replace("$", "").strip().strip("()-").strip()
    raw = f"({digits})" if value < 0 else digits
    dollar = "$ " if balance else ""
    out.figure((pi, ri, k, raw, value), f'<td class="{"num" if value < 0 else "nump"}">{dollar}', raw,
               f"{sup}<span></span></td>\n")


def _notes(spec) -> dict:
    """Each footnote marker printed -> its number in the viewer ([1], [2] ...), first printed first."""
    found: dict = {}
    for period in spec["periods"]:
        for row in period["rows"]:
            for mark in row.get("footnotes") or []:
                if mark and mark not in found:
                    found[mark] = len(found) + 1
    return found


def _footnotes(out, notes):
    if not notes:
        return
    out.write('<table class="outerFootnotes" width="100%">\n')
    for mark, n in notes.items():
        out.write(f'<tr class="outerFootnote">\n<td valign="top">[{n}]</td>\n<td valign="top">'
                  f"Footnote {html.escape(mark)} of the schedule as filed.</td>\n</tr>\n")
    out.write("</table>\n")


def _definitions(out, spec):
    """The concepts' definitions, hidden, as the viewer appends them (their words are a schedule's words)."""
    out.write('<div style="display: none;">\n')
    for element, text in DEFINITION.items():
        out.write(f'<a name="defref_us-gaap_{element}">&#160;</a><table border="0" cellpadding="0" '
                  f'class="authRefData" style="display: none;" id="defref_us-gaap_{element}">\n<tr>\n'
                  f'<td class="hide"><a style="color: white;" href="javascript:void(0);" '
                  f'onclick="top.Show.hideAR();">X</a></td>\n</tr>\n<tr>\n<td class="authRefData">'
                  f'<a href="javascript:void(0);" onclick="toggleNextSibling(this);">- Definition</a>'
                  f"<div>\n<p>{text}</p>\n</div>\n</td>\n</tr>\n<tr>\n<td><table cellpadding=\"0\" "
                  f'cellspacing="0" class="authRefData" style="display: none;">\n<tr>\n<td><strong> Name:'
                  f"</strong></td>\n<td><nobr>us-gaap_{element}</nobr></td>\n</tr>\n<tr>\n<td><strong> "
                  f"Period Type:</strong></td>\n<td><nobr>duration</nobr></td>\n</tr>\n</table></td>\n"
                  "</tr>\n</table>\n")
    out.write("</div>\n")
