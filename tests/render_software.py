"""Variants of a rendered Schedule II that filing software (Workiva, DFIN,
Toppan Merrill, GoFiler) prints, as edits of `render_html`'s output.

Test support, not part of the tool.  The table is rendered with a sentinel
before each figure, edited with the markup the software writes, and the
figures placed from the sentinels that survive the edits (`place_sentinels`):
a row of empty sizing cells first; the label cell spanning columns; every
cell's content in a <p>; "(" in a cell of its own, or inside the figure's
cell around the ix:nonFraction with the ")" beside it; a &#160; after each
figure; a <sup> footnote after labels; empty rows for spacing; the table in a
<div> with page-break-after; the page break as a <div>; the title in one <p>
far above the table with paragraphs between; a hidden ix:header and the
schedule inside an ix:nonNumeric text block; periods headed "Fiscal 2023"
or the bare year.
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass, field, replace

from render import Rendered, YEAR
from render_html import HtmlStyle, place_sentinels, render

NOTE = "\x02"  # where a label's footnote goes, replaced by its <sup>


@dataclass(frozen=True)
class Software:
    html: HtmlStyle = field(default_factory=HtmlStyle)
    sizing_row: bool = False  # a first row of empty <td style="width:..%"/> cells
    label_span: int = 1  # the first cell of every row spans this many columns
    in_p: bool = False  # each cell's content in <p style="margin:0">
    paren: str = "as-rendered"  # cell: "(" in a cell of its own | inside: "(" + ix + ")" in the figure's cell
    nbsp_after: bool = False  # a &#160; after each figure in its cell
    label_notes: bool = False  # "<sup>(1)</sup>" after the first label of each period
    spacer_rows: bool = False  # an empty row after each row
    page_div: bool = False  # each <table> in a <div style="page-break-after:always">
    break_div: bool = False  # the page break between tables a <div>, not an <hr>
    title_far: bool = False  # one <p> "Schedule II — ... (in thousands)", then paragraphs, then the table
    ix_header: bool = False  # a hidden ix:header, the schedule inside an ix:nonNumeric text block
    period: str = "keep"  # keep | fiscal: "Fiscal 2023" | bare: "2023"
    nil_words: bool = False  # nils written "None" with format ixt-sec:numwordsen
    per_period: bool = False  # a <table> per period, the headings repeated over each
    period_column: str = "none"  # rowspan: the period in a first column spanning its rows | first: in its first row
    thead: bool = False  # the headings in <thead> as <th> cells, the rest in <tbody>
    inner_break: str = "none"  # row | div: a page break inside the one table, the headings repeated after it
    heading_rowspan: bool = False  # headings not under "Additions" in its row, spanning down over the sub-headings
    title_table: bool = False  # the title and units in a one-column <table> of their own above the schedule's
    letters_row: bool = False  # a row "Column A", "Column B", ... above the headings
    units_row: bool = False  # "(In thousands)" a row of the table above its headings, not a <p> above it
    # The part a page break cuts off laid on a grid of its own: same | narrower: "$" inside the figure's
    # cell, a column fewer per figure | wider: an empty cell more after each spacer.
    continued: str = "same"


def render_software(spec: dict, style: Software, habit=None) -> Rendered:
    """`habit` (an html_era.Edit -> None, a habit's `html` edit) typed into the figures' cells
    before the software's markup is laid over them."""
    spec = _relabel(copy.deepcopy(spec), style)
    html_style = replace(style.html, nil="None") if style.nil_words else style.html
    rendered = render(spec, html_style, before=_header() if style.ix_header else "", sentinels=True)
    if habit is not None:
        from html_era import Edit

        e = Edit(rendered.text, list(rendered.figures), spec)
        habit(e)
        rendered.text, rendered.figures = e.text, e.keys
    text = edit(rendered.text, spec, style)
    if style.label_notes:
        text = text.replace(NOTE, "<sup>(1)</sup>")
        rendered.row_labels = {k: v.replace(NOTE, "(1)") for k, v in rendered.row_labels.items()}
    rendered.text = text
    return place_sentinels(rendered)


def edit(text: str, spec: dict, style: Software) -> str:
    """The rendered text (its sentinels kept) as the software prints it."""
    if style.title_far:
        text = _far_title(text, spec)
    if style.ix_header:
        text = _text_block(text)
    return _continued(_table_edits(_cell_edits(text, style), style), style.continued)


CONTINUED = '<table cellspacing="0" width="100%">\n'  # the part a page break cuts off (render_html_transposed)
OTHER_COLUMNS = {
    "narrower": (('<td>$</td><td align="right">', '<td align="right">$'), ('<td></td><td align="right">', '<td align="right">'),
                 ('colspan="3"', 'colspan="2"'), ("<td></td><td></td><td></td>", "<td></td><td></td>")),
    "wider": (("<td>&nbsp;</td>", "<td>&nbsp;</td><td></td>"),),
}


def _continued(text: str, how: str) -> str:
    """Each part after a page break laid on other grid columns than the first (`Software.continued`)."""
    if how == "same":
        return text
    out, at = [], 0
    while (i := text.find(CONTINUED, at)) >= 0:
        j = text.index("</table>", i)
        part = text[i + len(CONTINUED):j]
        for old, new in OTHER_COLUMNS[how]:
            part = part.replace(old, new)
        out += [text[at:i + len(CONTINUED)], part]
        at = j
    return "".join(out) + text[at:]


def _cell_edits(text: str, style: Software) -> str:
    if style.nil_words:
        text = text.replace('format="ixt:fixed-zero">\x01None', 'format="ixt-sec:numwordsen">\x01None')
    if style.paren == "cell":
        text = re.sub(r'<td>(\$?)</td><td align="right">\x01\(', '<td>\\1\x01(</td><td align="right">', text)
    elif style.paren == "inside":
        text = re.sub(r"(</ix:nonFraction>)(</span>)?</td><td>(?:<span[^>]*>)?\)(?:</span>)?</td>",
                      r"\1)\2</td><td></td>", text)
    if style.nbsp_after:
        text = re.sub(r"</ix:nonFraction>(?!\))([^<]*)", "</ix:nonFraction>\\1&#160;", text)  # (after a sign typed after it)
    if style.in_p:
        text = re.sub(r"(<td[^>/]*>)([^<\n]|<(?!/td>))(.*?)</td>", lambda m: f'{m.group(1)}<p style="margin:0pt">'
                      f"{m.group(2)}{m.group(3)}</p></td>", text)
    return text


def _table_edits(text: str, style: Software) -> str:
    if style.spacer_rows:
        text = re.sub(r"(<tr valign=\"bottom\">(?:(?!</tr>).)*?\x01(?:(?!</tr>).)*</tr>\n)",
                      r'\1<tr style="height:6pt"><td>&nbsp;</td></tr>' + "\n", text, flags=re.S)
    if style.inner_break != "none":
        text = _inner_break(text, style.inner_break)
    if style.period_column != "none":
        text = re.sub(r"<tr><td colspan=\"\d+\">(.*?)</td></tr>\n((?:<tr valign=\"bottom\">.*?</tr>\n|</table>\n"
                      r"(?:(?!<tr).)*?(?=<tr valign=\"bottom\">))+)",
                      lambda m: _period_column(m, style.period_column), text, flags=re.S)
        text = re.sub(r"(<tr(?![^>]*data-p)[^>]*>\s*)", r"\1<td></td>", text)
    if style.per_period:
        text = _per_period(text)
    if style.units_row:
        text = re.sub(r'<p align="center">(\(in \w+\))</p>\n(.*?<table[^>]*>\n)', r'\2<tr><td colspan="9">\1</td></tr>\n',
                      text, count=1, flags=re.S)
    if style.letters_row:
        text = re.sub(r"(<table[^>]*>\n)((?:(?!</table>).)*?)(<tr valign=\"bottom\">\n?<td align=\"left\">.*?</tr>\n)",
                      _letters, text, flags=re.S)
    if style.heading_rowspan:
        text = re.sub(r"(<tr valign=\"bottom\">(?:(?!</tr>).)*border-bottom:1px solid #000000\">(?:<[^>]*>)?Additions<.*?</tr>\n)(<tr valign=\"bottom\">.*?</tr>\n)",
                      _rowspans, text, flags=re.S)
    if style.title_table:
        text = re.sub(r'<p align="center"><b>(SCHEDULE II)<br>(VALUATION AND QUALIFYING ACCOUNTS)</b></p>\n'
                      r'<p align="center">([^<]*)</p>\n', r'<table width="100%"><tr><td align="center"><b>\1</b></td></tr>\n'
                      r'<tr><td align="center"><b>\2</b></td></tr>\n<tr><td align="center">\3</td></tr></table>\n',
                      text, count=1)
    if style.thead:
        text = _thead(text)
    if style.label_span > 1:
        text = re.sub(r"(<tr[^>]*>\s*)<t([dh])([^>]*?)(/?)>", lambda m: _spanned(m, style.label_span), text)
    if style.sizing_row:
        text = re.sub(r"(<table[^>]*>\n)(.*?</table>)", _sized, text, flags=re.S)
    if style.break_div:
        text = text.replace('<hr style="page-break-after:always" size="1" noshade>',
                            '<div style="page-break-after:always"><hr/></div>')
    if style.page_div:
        text = re.sub(r"(<table.*?</table>\n)", r'<div style="page-break-after:always">\1</div>\n', text, flags=re.S)
    return text


def _relabel(spec: dict, style: Software) -> dict:
    """Periods headed by their year alone where each has a year of its own (two
    periods ending in one year, as around an acquisition, keep their dates)."""
    ends = [[y.group(0) for y in YEAR.finditer(p["label"])][-1:] for p in spec["periods"]]
    distinct = all(ends) and len({e[0] for e in ends}) == len(ends)
    for period, years in zip(spec["periods"], ends):
        if style.period != "keep" and distinct:
            period["label"] = f"Fiscal {years[-1]}" if style.period == "fiscal" else years[-1]
        if style.label_notes and period["rows"]:
            period["rows"][0]["label"] += NOTE
    return spec


def _period_column(m: re.Match, how: str) -> str:
    """The period's row gone, its label the first cell of its first row; the
    other rows under it covered by that cell's rowspan (up to a page break),
    or given an empty cell."""
    pieces = re.findall(r"<tr valign=\"bottom\">.*?</tr>\n|</table>\n.*?(?=<tr)", m.group(2), flags=re.S)
    rows = [p for p in pieces if p.startswith("<tr")]
    first = pieces.index(rows[0])
    span = sum(1 for _ in itertools.takewhile(lambda p: p.startswith("<tr"), pieces[first:]))
    cell = f'<td rowspan="{span}">' if how == "rowspan" else "<td>"
    out = []
    for n, piece in enumerate(pieces):
        if n == first:
            piece = piece.replace('<tr valign="bottom">', f'<tr valign="bottom" data-p="1">{cell}{m.group(1)}</td>', 1)
        elif how == "rowspan" and first < n < first + span:
            piece = piece.replace('<tr valign="bottom">', '<tr valign="bottom" data-p="1">', 1)
        out.append(piece)
    return "".join(out)


def _per_period(text: str) -> str:
    """A </table><table> before each period's row but the first, the headings again."""
    opening = re.search(r"<table[^>]*>\n", text)
    first = re.search(r"<tr><td colspan=\"\d+\">", text)
    assert opening and first, "per_period: a table with period rows"
    heading = text[opening.end():first.start()]
    head, tail = text[:first.end()], text[first.end():]
    return head + re.sub(r"(<tr><td colspan=\"\d+\">)", lambda m: "</table>\n<p>&nbsp;</p>\n" + opening.group(0)
                         + heading + m.group(1), tail)


def _thead(text: str) -> str:
    """The headings of the schedule's table (the one holding the first figure) in
    <thead> as <th> cells, its other rows in <tbody>."""
    first = text.index("\x01")
    start = text.rindex("<table", 0, first)
    opening = text.index(">", start) + 2
    body = re.compile(r"<tr><td colspan|<tr[^>]*>[^\n]*\x01|<tr[^>]*>\n[^\n]*\n[^\n]*\x01").search(text, opening)
    end = text.index("</table>", first)
    heading = text[opening:body.start()].replace("<td", "<th").replace("</td>", "</th>")
    return (text[:opening] + f"<thead>{heading}</thead><tbody>\n" + text[body.start():end] + "</tbody>"
            + text[end:])


def _letters(m: re.Match) -> str:
    """The headings' row again above them, each heading its column's letter."""
    letters = iter("ABCDEFGHIJ")
    row = re.sub(r'(<td align="left">|<td colspan="3" align="center">).*?</td>',
                 lambda c: f"{c.group(1)}Column {next(letters)}</td>", m.group(3))
    return m.group(1) + row + m.group(2) + m.group(3)


def _inner_break(text: str, how: str) -> str:
    """Before the second period's row, inside the table: a page break (a row that
    breaks the page, or a <div> between rows as some software writes it) and the
    headings again."""
    opening = re.search(r"<table[^>]*>\n", text)
    periods = list(re.finditer(r"<tr><td colspan=\"(\d+)\">", text))
    assert opening and len(periods) > 1, "inner_break: a table with period rows"
    heading = text[opening.end():periods[0].start()]
    brk = (f'<tr style="page-break-before:always"><td colspan="{periods[0].group(1)}">&nbsp;</td></tr>\n'
           if how == "row" else '<div style="page-break-after:always"></div>\n')
    at = periods[1].start()
    return text[:at] + brk + heading + text[at:]


CELL = re.compile(r"<td[^>]*?/>|<td.*?</td>", re.S)


def _rowspans(m: re.Match) -> str:
    """Each heading of the row under "Additions" not under it moved up into the
    row of "Additions", spanning both rows."""
    top, below = CELL.findall(m.group(1)), CELL.findall(m.group(2))
    at, starts = 0, {}
    for n, cell in enumerate(below):
        starts[at] = n
        at += _colspan(cell)
    at, gone = 0, set()
    for k, cell in enumerate(top):
        n = starts.get(at)
        blank = re.sub(r"<[^>]+>|&nbsp;|\s", "", cell) == ""
        if blank and n is not None and _colspan(below[n]) == _colspan(cell) and re.sub(r"<[^>]+>|&nbsp;|\s", "", below[n]):
            top[k] = below[n].replace("<td", '<td rowspan="2"', 1)
            gone.add(n)
        at += _colspan(cell)
    keep = [c for n, c in enumerate(below) if n not in gone]
    return (m.group(1)[:m.group(1).index("<td")] + "".join(top) + "</tr>\n"
            + m.group(2)[:m.group(2).index("<td")] + "".join(keep) + "</tr>\n")


def _colspan(cell: str) -> int:
    found = re.match(r'<td[^>]*?colspan="(\d+)"', cell)
    return int(found.group(1)) if found else 1


def _spanned(m: re.Match, span: int) -> str:
    attrs = m.group(3)
    found = re.search(r'colspan="(\d+)"', attrs)
    if found:
        attrs = attrs.replace(found.group(0), f'colspan="{int(found.group(1)) + span - 1}"')
    else:
        attrs += f' colspan="{span}"'
    return f"{m.group(1)}<t{m.group(2)}{attrs}{m.group(4)}>"


def _sized(m: re.Match) -> str:
    rows = re.findall(r"<tr.*?</tr>", m.group(2), flags=re.S)
    width = max(sum(int(s or 1) for s in re.findall(r'<td(?:[^>]*?colspan="(\d+)")?[^>]*>', r)) for r in rows)
    cells = "".join(f'<td style="width:{100 / width:.1f}%"/>' for _ in range(width))
    return f"{m.group(1)}<tr>{cells}</tr>\n{m.group(2)}"


PROSE = ("<p>The table below details the activity of the Company's valuation and qualifying accounts for "
         "each of the three years in the period ended at the balance sheet date.</p>\n"
         "<p>Amounts charged to other accounts are chiefly recoveries of accounts previously written off "
         "and the effect of businesses acquired.</p>\n")


def _far_title(text: str, spec: dict) -> str:
    units = spec.get("units", "dollars")
    shown = f" (in {units.split()[0]})" if units != "dollars" else ""
    title = f"<p><b>Schedule II \u2014 Valuation and Qualifying Accounts{shown}</b></p>\n"
    return re.sub(r'<p align="center"><b>SCHEDULE II<br>VALUATION AND QUALIFYING ACCOUNTS</b></p>\n'
                  r'<p align="center">[^<]*</p>\n', lambda m: title + PROSE, text, count=1)


def _header() -> str:
    return ('<div style="display:none"><ix:header><ix:hidden>'
            '<ix:nonNumeric name="dei:DocumentType" contextRef="c0">10-K</ix:nonNumeric>'
            '<ix:nonFraction name="dei:EntityCommonStockSharesOutstanding" contextRef="c0" unitRef="shares" '
            'decimals="INF" scale="0" format="ixt:num-dot-decimal">1,234,567</ix:nonFraction>'
            '</ix:hidden><ix:resources><xbrli:context id="c0"><xbrli:entity>0000000000</xbrli:entity>'
            '<xbrli:period><xbrli:instant>2023-12-31</xbrli:instant></xbrli:period></xbrli:context>'
            '</ix:resources></ix:header></div>\n')


def _text_block(text: str) -> str:
    opening = ('<ix:nonNumeric name="srt:ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock" '
               'contextRef="c0" escape="true">')
    start = text.index("</ix:header></div>\n") + len("</ix:header></div>\n")
    end = text.rindex("</table>") + len("</table>")
    return text[:start] + opening + text[start:end] + "</ix:nonNumeric>" + text[end:]
