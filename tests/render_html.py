"""Render a Schedule II table spec as an EDGAR HTML exhibit, in a chosen style.

Test support, not part of the tool.  The spec is the one `render.py` takes
(the shape of ../shared/real-tables/*.json); `HtmlStyle` says how to print
it the ways EDGAR HTML does: "$" and ")" in cells of their own, spacer
columns, headings over several rows or broken by <br>, "Additions" spanning
its columns, <font> wrappers, inline XBRL tags with sign="-", nils as
&#151; or &mdash;, footnote markers in their own cell, inside the figure's
cell or in <sup>, a total without a label, a page break splitting the table,
or a <table> per account (its caption in a <p>, a bare <b> or its first row).
`render` returns a `render.Rendered`: the HTML and where each figure's first
character was printed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from typing import Optional

from render import Printed, Rendered, parse_cell
from render_html_stacked import stacked_rows
from render_html_transposed import account_columns, chained_columns, page_break, transposed_blocks, write_blocks

NIL_SPELLING = {"&#151;": "&#151;", "&#8212;": "&#8212;", "&mdash;": "&mdash;", "—": "\u2014", "-": "-", "--": "--", "None": "None", "blank": ""}


IX_SCALE = {"thousands": 3, "millions": 6, "billions": 9}  # a spec's units as an ix fact's scale


@dataclass(frozen=True)
class HtmlStyle:
    grid: str = "split"  # split: spacer, "$", figure, ")" cells | single: one cell per figure
    negative: str = "split"  # split: "(2,036" + ")" | inline: "(2,036)" | ix: ix:nonFraction sign="-"
    ixbrl: bool = False  # every figure inside ix:nonFraction
    # An ix fact's scale: `render` sets it from the spec's units (a table in dollars, 0) unless given (a
    # table stating its units in a sentence of prose, its spec in dollars so that no title states them).
    scale: Optional[int] = None
    dollar: str = "first"  # none | first (first row and totals) | every
    nil: str = "&#151;"  # &#151; | &mdash; | — | - | -- | blank
    notes: str = "cell"  # cell | inside | sup | ahead (in the "$" cell: "* $ | 473") | lead ("*473")
    heading_rows: int = 1  # 1: <br> inside one cell | 2-3: the heading split over rows
    additions_span: bool = True  # "Additions" once over the columns it heads
    wrapper: str = "font"  # font | span | b | none
    title_inside: bool = False  # the title as the table's first row
    reverse: bool = False  # periods in the other order
    unlabelled_total: bool = False  # totals printed without a label
    page_break: Optional[int] = None  # body rows before a </table> page break <table> (transposed: rows of blocks)
    running_head: str = ""  # the next page's head after a page break (default: the title's, or the notes' untitled)
    repeat_headings: bool = True  # headings again after the break
    period_row: str = "span"  # span: one cell over the row | label: in the label cell only
    newline_cells: bool = True  # one <td> per line (else a row per line)
    by_account: bool = False  # a <table> per account, a row per period (page_break: after that many period rows)
    account_caption: str = "p"  # p: <p><b>Name:</b></p> before each table | b: a bare <b> | row: its first row
    #                             | none: no caption (one account, named in the prose above)
    account_tables: bool = True  # by_account: a <table> per account (else one table, a caption row per account)
    fullest_order: bool = False  # by_account: the accounts in the order of the period printing the most (render.Layout's)
    xhtml: bool = False  # empty cells written <td/>, <td colspan="3"/>, as inline XBRL filing software does
    transposed: bool = False  # the periods as columns, a block of rows per account (by_account unused)
    block_caption: str = "heading"  # transposed: the account named in the periods row | p | row (render_html_transposed)
    transposed_tables: bool = False  # transposed: a <table> per account
    years_once: bool = False  # transposed: the periods once over the table, each account a caption row under them
    account_columns: bool = False  # transposed: the accounts as columns, a block of rows per period
    chained: bool = False  # account_columns: a chained roll-forward, each period opening on the row closing the one before
    titled: bool = True  # the schedule's title printed above the table (else only its accounts' captions)
    stacked: str = "none"  # none | account: a <tr> per account, a line a row | body: one <tr> (render_html_stacked)
    stacked_lines: str = "br"  # stacked: each line ended by a <br> | p: a <p> each
    two_parts: bool = False  # the columns over two <table>s one under the other (the first half, then the rest), labels repeated
    caption_blank: bool = True  # stacked: the figure cells print a blank line beside a first line's caption (else not)


def _wrap(text: str, style: HtmlStyle) -> str:
    if style.wrapper == "font":
        return f'<font size="2" face="Times New Roman">{text}</font>'
    if style.wrapper == "span":
        return f'<span style="font-family:Times New Roman;font-size:10pt">{text}</span>'
    if style.wrapper == "b":
        return f"<b>{text}</b>"
    return text


class _Out:
    """The document as it is written, and where each figure starts in it."""

    def __init__(self, xhtml=False):
        self.parts, self.size, self.marks, self.xhtml = [], 0, [], xhtml

    def write(self, text: str):
        if self.xhtml:
            text = re.sub(r'<td( colspan="\d+")?>(?:&nbsp;)?</td>', r"<td\1/>", text)
        self.parts.append(text)
        self.size += len(text)

    def mark(self, key, offset_in_next: int):
        self.marks.append((key, self.size + offset_in_next))

    def text(self) -> str:
        return "".join(self.parts)


SENTINEL = "\x01"  # marks each figure's first character, for fixtures edited after rendering


def render(spec: dict, style: HtmlStyle = HtmlStyle(), before: str = "", after: str = "",
           sentinels: bool = False) -> Rendered:
    out = _Out(style.xhtml)
    if style.scale is None:
        style = replace(style, scale=IX_SCALE.get(spec.get("units", "dollars").split()[0], 0))
    head = "Schedule II" if style.titled else "Annual report"
    out.write(f"<html>\n<head><title>{head}</title></head>\n<body>\n" + before)
    title = "SCHEDULE II<br>VALUATION AND QUALIFYING ACCOUNTS" + (f"<br>{spec['subtitle']}" if spec.get("subtitle") else "")
    units = f"(in {spec.get('units', 'thousands').split()[0]})" if spec.get("units", "dollars") != "dollars" else ""
    if not style.title_inside and style.titled:
        out.write(f'<p align="center"><b>{title}</b></p>\n<p align="center">{units}</p>\n')
    ncol = len(spec["columns"]) - 1
    width = 1 + ncol * 4
    rendered = Rendered("")
    # (the units stated where printed: over the table, in its title row, or a transposed table's label cell)
    if (style.titled and not style.title_inside) or (style.title_inside and not style.transposed) \
            or (style.transposed and not style.titled):
        rendered.units = spec.get("units", "dollars").split()[0]
    if style.stacked != "none":
        style = replace(style, by_account=False, transposed=False, page_break=None,
                        notes="sup" if style.notes == "cell" else style.notes)  # (a note's cell: not on every line)
        body = stacked_rows(_stacked_lines(spec, style, rendered), style)
    else:
        body = _body_rows(spec, style, rendered) if not (style.by_account or style.transposed) else []
    if style.two_parts and style.stacked == "none" and not (style.by_account or style.transposed):
        return _in_two_parts(spec, style, out, opening_of(style), sentinels, after)
    heading = _heading_rows(spec, style, width) if not style.transposed else []
    if style.transposed:
        read = (chained_columns if style.chained else account_columns) if style.account_columns else transposed_blocks
        blocks = read(spec, style, rendered, _account_blocks(spec, style, Rendered("")), _key, _figure)
    opening = opening_of(style)
    title_row = f'<tr><td colspan="{width}" align="center"><b>{title}</b><br>{units}</td></tr>\n'
    if style.by_account and not style.transposed:
        _write_accounts(out, spec, style, rendered, heading, width, sentinels, opening,
                        title_row if style.title_inside else "")
    elif style.transposed:
        write_blocks(out, blocks, style, sentinels, _write_row, opening)
    else:
        out.write(opening)
        if style.title_inside:
            out.write(title_row)
        for row in heading:
            out.write(row)
    for n, row in enumerate(body):
        if style.page_break is not None and n == style.page_break and not style.transposed:
            out.write(page_break(style))
            if style.repeat_headings:
                for hrow in heading:
                    out.write(hrow)
        _write_row(out, row, sentinels)
    out.write("</table>\n" + after + "</body>\n</html>\n")
    text = out.text()
    if sentinels:
        rendered.text = text
        rendered.figures = [key for key, _ in out.marks]  # placed by `place_sentinels`
        return rendered
    return _placed(rendered, text, out)


def opening_of(style: HtmlStyle) -> str:
    return '<table cellspacing="0" cellpadding="0" width="100%" border="0" style="font-size:10pt">\n'


def _in_two_parts(spec, style, out, opening, sentinels, after) -> Rendered:
    """A table too wide for the page printed as two <table>s one under the
    other: the labels with the first half of the columns, then the labels
    again with the rest (each figure keeps its column's index)."""
    rendered = Rendered("")
    n = len(spec["columns"]) - 1
    cut = (n + 1) // 2
    for i, columns in enumerate((list(range(cut)), list(range(cut, n)))):
        out.write(("</table>\n<p>&nbsp;</p>\n" if i else "") + opening)
        for row in _heading_rows(spec, style, 1 + len(columns) * 4, columns):
            out.write(row)
        for row in _body_rows(spec, style, rendered if not i else Rendered(""), columns):
            _write_row(out, row, sentinels)
    out.write("</table>\n" + after + "</body>\n</html>\n")
    if sentinels:
        rendered.text = out.text()
        rendered.figures = [key for key, _ in out.marks]
        return rendered
    return _placed(rendered, out.text(), out)


def _placed(rendered: Rendered, text: str, out) -> Rendered:
    """The rendered text with where each marked figure's first character was printed."""
    rendered.text = text
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    from bisect import bisect_right

    for (pi, ri, k, raw, value), offset in out.marks:
        line = bisect_right(starts, offset)
        column = offset - starts[line - 1] + 1
        rendered.figures.append(Printed(pi, ri, k, raw, value, line, column, column + len(raw)))
    return rendered


def _stacked_lines(spec, style, rendered) -> list:
    """The rows each stacked <tr> prints: per account its caption row and a row
    per period, or the whole body's rows."""
    if style.stacked == "body":
        return [_body_rows(spec, style, rendered)]
    width = 1 + (len(spec["columns"]) - 1) * 4
    return [[[f'<tr><td colspan="{width}">{_wrap(html.escape(name) + ":", style)}</td></tr>'], *rows]
            for name, rows in _account_blocks(spec, style, rendered)]


def _write_row(out, row, sentinels):
    for piece in row:
        if isinstance(piece, tuple):
            key, text, offset, *also = piece  # (also: the cells a figure is besides, printed once: a chained roll-forward)
            for k in (key, *also):
                out.mark(k, offset)
            out.write(text[:offset] + SENTINEL * (1 + len(also)) + text[offset:] if sentinels else text)
        else:
            out.write(piece)


def _write_accounts(out, spec, style, rendered, heading, width, sentinels, opening, title_row):
    """The body by account, the last <table> left open: one table per account,
    its caption before it (or as its first row, as after a title printed inside
    the first table), a row per period; the headings in the first table, and in
    the others when `repeat_headings`; with `page_break` a table broken after
    that many rows of periods (counted over the accounts), its headings not
    printed again after the break."""
    written = 0
    for n, (name, rows) in enumerate(_account_blocks(spec, style, rendered)):
        caption = f"{html.escape(name)}:"
        as_row = style.account_caption == "row" or (n == 0 and title_row) or not style.account_tables
        if n and style.account_tables:
            out.write("</table>\n")
        if not as_row and style.account_caption != "none":
            out.write(_account_caption(caption, style))
        if n == 0 or style.account_tables:
            out.write(opening if n == 0 else '<table cellspacing="0" cellpadding="0" width="100%" border="0">\n')
        if n == 0:
            out.write(title_row)
            if not style.account_tables:
                for hrow in heading:
                    out.write(hrow)
        if as_row:
            out.write(f'<tr><td colspan="{width}" style="padding-top:6pt">{_wrap(f"<b>{caption}</b>", style)}</td></tr>\n')
        if style.account_tables and (n == 0 or style.repeat_headings):
            for hrow in heading:
                out.write(hrow)
        for r, row in enumerate(rows):
            if written == style.page_break and (r or not style.account_tables):
                out.write(page_break(style))  # (the headings not printed again after it)
            _write_row(out, row, sentinels)
            written += 1


def _account_caption(caption, style) -> str:
    if style.account_caption == "b":
        return f"<br><b>{caption}</b><br>\n"
    return f'<p style="margin-top:12pt;margin-bottom:0pt">{_wrap(f"<b>{caption}</b>", style)}</p>\n'


def _account_blocks(spec, style, rendered) -> list:
    """(account, rows) per account, in the order they first appear; as `render.py`
    prints by account: an unlabelled total is the account "Total", each account's
    row of a period the first with its name, labelled by the period."""
    key = _key
    order = list(range(len(spec["periods"])))
    if style.reverse:
        order.reverse()
    rendered.period_labels.extend(spec["periods"][pi]["label"] for pi in order)
    names = []
    for pi in order:
        for row in spec["periods"][pi]["rows"]:
            name = (row["label"] if not (row.get("is_total") and style.unlabelled_total) else "") or "Total"
            if row["cells"] and key(name) not in [key(n) for n in names]:
                names.append(name)
    if style.fullest_order:
        fullest = max(order, key=lambda pi: sum(bool(r["cells"]) for r in spec["periods"][pi]["rows"]))
        keys = [key((r["label"] if not (r.get("is_total") and style.unlabelled_total) else "") or "Total")
                for r in spec["periods"][fullest]["rows"] if r["cells"]]
        names.sort(key=lambda n: keys.index(key(n)) if key(n) in keys else len(keys))
    blocks = []
    for name in names:
        rows = []
        for pi in order:
            for ri, row in enumerate(spec["periods"][pi]["rows"]):
                label = (row["label"] if not (row.get("is_total") and style.unlabelled_total) else "") or "Total"
                if row["cells"] and key(label) == key(name):
                    rendered.row_labels[(pi, ri)] = name
                    dollars = style.dollar == "every" or (style.dollar == "first" and not rows)
                    rows.append(_figure_row(pi, ri, spec["periods"][pi]["label"].rstrip(":"), row,
                                            dollars, style))
                    break
        blocks.append((name, rows))
    return blocks


def _key(label):
    return " ".join(w.rstrip("s") for w in re.findall(r"[a-z0-9]+", label.lower()))


def _cell(text: str, attrs: str = "", style: HtmlStyle = None) -> str:
    inner = _wrap(text, style) if style and text and text != "&nbsp;" else text
    return f"<td{attrs}>{inner}</td>"


def _heading_rows(spec, style, width, columns=None) -> list:
    headings = [h for k, h in enumerate(spec["columns"][1:]) if columns is None or k in columns]
    depth = max(1, style.heading_rows)
    spans, rows = [], []
    if style.additions_span:
        first = [i for i, h in enumerate(headings) if h.lower().startswith("additions ")]
        if len(first) >= 2 and first == list(range(first[0], first[0] + len(first))):
            spans = first
            headings = [h[len("additions "):] if i in spans else h for i, h in enumerate(headings)]
    lines = [_split(h, depth) for h in headings]
    label = spec["columns"][0] or "Description"
    if spans:
        cells = ["<td>&nbsp;</td>"]
        k = 0
        while k < len(headings):
            if k == spans[0]:
                colspan = len(spans) * 4 - 1
                cells.append(f'<td>&nbsp;</td><td colspan="{colspan}" align="center" '
                             f'style="border-bottom:1px solid #000000">{_wrap("Additions", style)}</td>')
                k += len(spans)
            else:
                cells.append('<td>&nbsp;</td><td colspan="3">&nbsp;</td>')
                k += 1
        rows.append('<tr valign="bottom">' + "".join(cells) + "</tr>\n")
    for d in range(depth):
        cells = [_cell(label if d == depth - 1 else "&nbsp;", ' align="left"', style)]
        for parts in lines:
            text = parts[d] if d < len(parts) else ""
            cells.append("<td>&nbsp;</td>")
            cells.append(_cell(text or "&nbsp;", ' colspan="3" align="center"', style))
        rows.append('<tr valign="bottom">\n' + "\n".join(cells) + "\n</tr>\n")
    return rows


def _split(heading: str, depth: int) -> list:
    """The heading over `depth` rows (bottom-aligned), or with <br> in one row."""
    words = html.escape(heading).split()
    if depth == 1:
        third = max(1, len(words) // 3)
        return ["<br>".join(" ".join(words[i:i + third]) for i in range(0, len(words), third))]
    per = max(1, -(-len(words) // depth))  # (a blank heading: no words)
    parts = [" ".join(words[i:i + per]) for i in range(0, len(words), per)]
    return [""] * (depth - len(parts)) + parts


def _body_rows(spec, style, rendered, columns=None) -> list:
    """Each body row as a list of pieces; a figure's piece is (key, text, offset of its first character).
    `columns`: the indexes of the columns printed (all by default)."""
    rows = []
    order = list(range(len(spec["periods"])))
    if style.reverse:
        order.reverse()
    width = 1 + (len(spec["columns"]) - 1 if columns is None else len(columns)) * 4
    for pi in order:
        period = spec["periods"][pi]
        label = html.escape(period["label"])
        rendered.period_labels.append(period["label"])
        if style.period_row == "span":
            rows.append([f'<tr><td colspan="{width}">{_wrap(label, style)}</td></tr>\n'])
        else:
            rows.append([f"<tr><td>{_wrap(label, style)}</td></tr>\n"])
        for ri, row in enumerate(period["rows"]):
            total = row.get("is_total", False)
            text = row["label"]
            if total and style.unlabelled_total:
                text = ""
            rendered.row_labels[(pi, ri)] = text
            dollars = style.dollar == "every" or (style.dollar == "first" and (ri == 0 or total))
            rows.append(_figure_row(pi, ri, text, row, dollars, style, columns))
    return rows


def _figure_row(pi, ri, label, row, dollars, style, columns=None) -> list:
    sep = "\n" if style.newline_cells else ""
    pieces = ['<tr valign="bottom">' + sep, f'<td style="padding-left:10pt">{_wrap(html.escape(label), style) if label else "&nbsp;"}</td>']
    notes = row.get("footnotes") or [""] * len(row["cells"])
    spacer = True
    for k, (text, note) in enumerate(zip(row["cells"], notes)):
        if columns is not None and k not in columns:
            continue
        if spacer:
            pieces.append(sep + "<td>&nbsp;</td>")
        spacer = True
        kind, value, _ = parse_cell(text)
        if kind == "blank":
            pieces.append("<td></td><td></td><td></td>" if style.grid == "split" else '<td colspan="3"></td>')
            continue
        pieces.extend(_figure(pi, ri, k, text, kind, value, note, dollars, style))
        # A footnote marker in a cell of its own takes the place of the next spacer.
        spacer = not (note and style.notes == "cell")
    pieces.append(sep + "</tr>\n")
    return pieces


def _figure(pi, ri, k, text, kind, value, note, dollars, style) -> list:
    printed = text.replace("$", "").strip()
    negative = kind == "amount" and value < 0
    digits = printed.strip("()-").strip() if kind == "amount" else printed
    note_html = {"inside": f" {note}" if note else "", "sup": f"<sup>{note}</sup>" if note else ""}.get(style.notes, "")
    if kind == "nil":
        shown = NIL_SPELLING[style.nil] if style.nil != "blank" else "&#151;"
        body = shown
        raw = html.unescape(shown)
        if style.ixbrl:
            body = (f'<ix:nonFraction name="us-gaap:Other" contextRef="c{pi}" unitRef="usd" decimals="{-style.scale}" '
                    f'format="ixt:fixed-zero">{shown}</ix:nonFraction>')
        lead, close = "", ""
        offset = body.index(">" + shown) + 1 if style.ixbrl else 0
    else:
        raw = f"({digits})" if negative else digits
        ix = style.ixbrl or (negative and style.negative == "ix")
        number = digits
        if ix:
            sign = ' sign="-"' if negative else ""
            decimals = len(digits.partition(".")[2]) - style.scale  # (cents: 2; whole thousands: -3)
            number = (f'<ix:nonFraction name="us-gaap:ValuationAllowancesAndReservesBalance" contextRef="c{pi}_{ri}" '
                      f'unitRef="usd" decimals="{decimals}" scale="{style.scale}" format="ixt:num-dot-decimal"{sign}>'
                      f'{digits}</ix:nonFraction>')
        if negative and style.negative == "inline" and not ix:
            lead, close = "(", ""
            number += ")"
        elif negative:
            lead, close = "(", ")"
        else:
            lead, close = "", ""
        body = lead + number
        offset = 0 if lead else (body.index(">" + digits) + 1 if ix else 0)
        if note and style.notes == "lead":  # ("*473": the marker in the figure's cell, before it)
            body, offset = note + body, offset + len(note)
    dollar = "$" if dollars else ""
    key = (pi, ri, k, raw, value if kind == "amount" else None)
    if style.grid == "single":
        prefix = f'<td colspan="3" align="right">{dollar}'
        tail = f"{close}{note_html}</td>" + (f"<td>{note}</td>" if note and style.notes == "cell" else "")
        return [prefix, (key, body, offset), tail]
    ahead = f"{note} " if note and style.notes == "ahead" else ""  # (a spacer cell's marker is the figure before's)
    cells = [f"<td>{ahead}{dollar}</td>", '<td align="right">', (key, body, offset), f"{note_html}</td>",
             f"<td>{close}</td>"]
    if note and style.notes == "cell":
        cells.append(f"<td>{note}</td>")
    return cells


def place_sentinels(rendered: Rendered) -> Rendered:
    """Positions from the sentinels left in the (edited) text, which loses them."""
    from bisect import bisect_right

    text, keys = rendered.text, rendered.figures
    offsets, clean, last = [], [], 0
    for i, ch in enumerate(text):
        if ch == SENTINEL:
            clean.append(text[last:i])
            offsets.append(i - len(offsets))
            last = i + 1
    clean.append(text[last:])
    text = "".join(clean)
    assert len(offsets) == len(keys), "a figure's sentinel was lost in editing"
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    figures = []
    for (pi, ri, k, raw, value), offset in zip(keys, offsets):
        line = bisect_right(starts, offset)
        column = offset - starts[line - 1] + 1
        figures.append(Printed(pi, ri, k, raw, value, line, column, column + len(raw)))
    return Rendered(text, figures, rendered.headings, rendered.period_labels, rendered.row_labels,
                    units=rendered.units)


# The stylesheet `css_table(classes=True)` puts in the head: the display values as classes.
CSS_CLASSES = ('<style type="text/css">\n<!--\nbody { font-family: Arial }\n.t { display: table; width: 100% }\n'
               '.r{display:table-row}\ndiv.c, p.c, span.c { display : table-cell; padding: 0 2pt }\n-->\n</style>\n')


def css_table(text: str, table: str = "div", row: str = "div", cell: str = "div",
              display: str = "display:{}", classes: bool = False) -> str:
    """Every <table> written as elements styled display:table / table-row /
    table-cell, as converters from page-layout software write them.  A CSS
    table spans no columns: a cell spanning N grid columns is written as N
    cells, its text in the first (as a converter must to keep the columns
    aligned).  `display`: how the property is written ("DISPLAY: {};");
    `classes`: the display values given by classes of a <style> block in the
    head (`.r{display:table-row}`, `<div class="r">`), a cell's alignment its own style."""
    def styled(tag: str, value: str, extra: str = "") -> str:
        if classes:
            own = f' style="{extra.lstrip(";")}"' if extra.lstrip(";") else ""
            return f'<{tag} class="{value.replace("table-", "")[0]}"{own}>'
        return f'<{tag} style="{display.format(value)}{extra}">'

    if classes:
        text = text.replace("</head>", CSS_CLASSES + "</head>", 1) if "</head>" in text else CSS_CLASSES + text

    empty = styled(cell, "table-cell") + f"</{cell}>"
    text = re.sub(r'<td\b([^>]*?)\s*colspan="(\d+)"([^>]*)/>', lambda m: empty * int(m.group(2)), text)
    text = re.sub(r'<td\b([^>]*?)\s*colspan="(\d+)"([^>]*)>(.*?)</td>',
                  lambda m: f"<td{m.group(1)}{m.group(3)}>{m.group(4)}</td>" + empty * (int(m.group(2)) - 1),
                  text, flags=re.DOTALL)
    text = re.sub(r"<table[^>]*>", styled(table, "table", ";width:100%"), text).replace("</table>", f"</{table}>")
    text = re.sub(r"<tr\b[^>]*>", styled(row, "table-row"), text).replace("</tr>", f"</{row}>")
    text = re.sub(r"<td\b([^>]*)/>", empty, text)
    text = re.sub(r"<td\b([^>]*)>", lambda m: styled(cell, "table-cell", ";text-align:right" if "right" in m.group(1) else ""),
                  text)
    return text.replace("</td>", f"</{cell}>")
