"""Render a spec with the periods as columns and the movements as rows (test support).

Per account a block: a heading row of the periods, then a row per column of
the spec (its heading the row's label), each period's figure of the account
under that period.  Where the account is named (`HtmlStyle.block_caption`):
in the heading row's label cell ("heading"), in a <p> before the account's
own <table> ("p", the tables joined by nothing but that caption), or on a
caption row of its own over the block ("row"); with `years_once` the periods
are printed once at the top of the one table and every account is a caption
row under them, the spec's group captions ("Reserves deducted from assets:",
rows without figures) as caption rows of their own.
"""

from __future__ import annotations

import html

from render import parse_cell

TABLE = '<table cellspacing="0" cellpadding="0" width="100%" border="0">\n'


def transposed_blocks(spec, style, rendered, blocks, key, figure) -> list:
    """(caption printed before the block's table or None, rows) per account.
    `blocks`: the spec's accounts in order (render_html._account_blocks);
    `key`: how a row's label is matched to an account; `figure`: a figure's cells."""
    order = list(range(len(spec["periods"])))
    if style.reverse:
        order.reverse()
    rendered.period_labels.extend(spec["periods"][pi]["label"] for pi in range(len(spec["periods"])))
    groups = _group_captions(spec, blocks, key) if style.years_once else {}
    out = []
    for n, (name, _) in enumerate(blocks):
        at = {}  # period -> the account's row index there
        for pi in order:
            for ri, row in enumerate(spec["periods"][pi]["rows"]):
                label = (row["label"] if not (row.get("is_total") and style.unlabelled_total) else "") or "Total"
                if row["cells"] and key(label) == key(name) and pi not in at:
                    at[pi] = ri
                    rendered.row_labels[(pi, ri)] = name
        rows = [_caption_row(group, style) for group in groups.get(name, [])]
        if style.years_once or style.block_caption == "row":
            rows.append(_caption_row(f"{name}:", style))
        if n == 0 or not style.years_once:
            rows.append(_periods_row(spec, order, _heading_label(name, spec, style), style))
        rows += _movement_rows(spec, style, [(pi, at.get(pi)) for pi in order], figure)
        out.append((f"{name}:" if style.block_caption == "p" else None, rows))
    return out


def _account_rows(spec, style, rendered, blocks, key, order) -> dict:
    """(account, period) -> the account's row index in that period, each row
    named after its account column in `rendered`."""
    at = {}
    for name, _ in blocks:
        for pi in order:
            for ri, row in enumerate(spec["periods"][pi]["rows"]):
                label = (row["label"] if not (row.get("is_total") and style.unlabelled_total) else "") or "Total"
                if row["cells"] and key(label) == key(name) and (name, pi) not in at:
                    at[(name, pi)] = ri
                    rendered.row_labels[(pi, ri)] = name
    return at


def account_columns(spec, style, rendered, blocks, key, figure) -> list:
    """The accounts as columns, headed by their names, and per period a caption
    row ("Year ended December 31, 2003:") over a row per column of the spec."""
    order = list(range(len(spec["periods"])))
    if style.reverse:
        order.reverse()
    rendered.period_labels.extend(spec["periods"][pi]["label"] for pi in range(len(spec["periods"])))
    at = _account_rows(spec, style, rendered, blocks, key, order)
    units = _heading_label("", spec, style)  # (under no title, the units in the headings' label cell)
    cells = [f'<td>{_wrap(units, style) if units else "&nbsp;"}</td>']
    cells += [f'<td>&nbsp;</td><td colspan="3" align="center">{_wrap(html.escape(name), style)}</td>' for name, _ in blocks]
    rows = [['<tr valign="bottom">' + "".join(cells) + "</tr>\n"]]
    for pi in order:
        rows.append(_caption_row(spec["periods"][pi]["label"], style))
        rows += _movement_rows(spec, style, [(pi, at.get((name, pi))) for name, _ in blocks], figure)
    return [(None, rows)]


def chained_columns(spec, style, rendered, blocks, key, figure) -> list:
    """The accounts as columns, the periods oldest first with no caption of their
    own, each from its opening balance down to its closing one ("Balance,
    December 31, 1994"); a period whose every account opens on the figure the
    period before closed on prints no opening row: that row closes one period
    and opens the next, its figures listed for both (`_shared`).  Where the
    carry-forward breaks, the period prints its own opening row."""
    from render import period_date

    order = sorted(range(len(spec["periods"])), key=lambda pi: period_date(spec["periods"][pi]["label"]))
    rendered.period_labels.extend(spec["periods"][pi]["label"] for pi in range(len(spec["periods"])))
    at = _account_rows(spec, style, rendered, blocks, key, order)
    units = _heading_label("", spec, style)
    cells = [f'<td>{_wrap(units, style) if units else "&nbsp;"}</td>']
    cells += [f'<td>&nbsp;</td><td colspan="3" align="center">{_wrap(html.escape(name), style)}</td>' for name, _ in blocks]
    rows = [['<tr valign="bottom">' + "".join(cells) + "</tr>\n"]]
    headings, last, before = spec["columns"][1:], len(spec["columns"]) - 2, None
    for n, pi in enumerate(order):
        columns = [(pi, at.get((name, pi))) for name, _ in blocks]
        shown = range(len(headings))
        if before is not None and _carried(spec, before, columns, last):
            _shared(rows[-1], columns)
            shown = range(1, len(headings))
        names = {0: _balance_label(spec, pi, before=True) if n == 0 else "Balance at beginning of period",
                 last: _balance_label(spec, pi)}
        rows += _movement_rows(spec, style, columns, figure, shown, names)
        before = columns
    return [(None, rows)]


def _carried(spec, before, columns, last) -> bool:
    """Whether each account opens the period on the very figure it closed the one before on."""
    if [ri is None for _, ri in before] != [ri is None for _, ri in columns]:
        return False
    return all(ri is None or parse_cell(spec["periods"][pb]["rows"][rb]["cells"][last])[:2]
               == parse_cell(spec["periods"][pi]["rows"][ri]["cells"][0])[:2]
               for (pb, rb), (pi, ri) in zip(before, columns))


def _shared(row, columns) -> None:
    """The closing row's figures, each also the opening figure of the period after."""
    opening = iter([(pi, ri) for pi, ri in columns if ri is not None])
    for i, piece in enumerate(row):
        if isinstance(piece, tuple):
            pi, ri = next(opening)
            key = piece[0]
            row[i] = piece + ((pi, ri, 0, key[3], key[4]),)


MONTHS = "January February March April May June July August September October November December".split()


def _balance_label(spec, pi, before=False) -> str:
    """"Balance, December 31, 1994": the date the period ends (or, before it, the year before's)."""
    from render import period_date

    year, month, day = period_date(spec["periods"][pi]["label"])
    return f"Balance, {MONTHS[month - 1]} {day or 31}, {year - before}"


def _heading_label(name, spec, style) -> str:
    """The heading row's label cell: the account, or where it is named elsewhere the units."""
    if style.block_caption == "heading" and not style.years_once and name:
        return name
    units = spec.get("units", "dollars")
    return f"(in {units.split()[0]})" if units != "dollars" and not style.titled else ""


def _periods_row(spec, order, label, style) -> list:
    cells = [f'<td>{_wrap(html.escape(label), style) if label else "&nbsp;"}</td>']
    for pi in order:
        period = html.escape(spec["periods"][pi]["label"].rstrip(":"))
        cells.append(f'<td>&nbsp;</td><td colspan="3" align="center">{_wrap(period, style)}</td>')
    return ['<tr valign="bottom">' + "".join(cells) + "</tr>\n"]


def _caption_row(text, style) -> list:
    return [f'<tr><td style="padding-top:6pt">{_wrap(f"<b>{html.escape(text)}</b>", style)}</td></tr>\n']


def _movement_rows(spec, style, columns, figure, shown=None, names=None) -> list:
    """A row per column of the spec (those `shown`, labelled by `names` where given);
    `columns`: (period, the row's index there or None) per figure column."""
    rows, headings = [], spec["columns"][1:]
    for k, heading in enumerate(headings):
        if shown is not None and k not in shown:
            continue
        heading = (names or {}).get(k, heading)
        pieces = ['<tr valign="bottom">', f'<td style="padding-left:10pt">{_wrap(html.escape(heading), style)}</td>']
        for pi, ri in columns:
            pieces.append("<td>&nbsp;</td>")
            row = spec["periods"][pi]["rows"][ri] if ri is not None else None
            text = row["cells"][k] if row else ""
            kind, value, _ = parse_cell(text)
            if kind == "blank":
                pieces.append("<td></td><td></td><td></td>")
                continue
            note = (row.get("footnotes") or [""] * len(row["cells"]))[k]
            dollars = style.dollar == "every" or (style.dollar == "first" and k in (0, len(headings) - 1))
            pieces.extend(figure(pi, ri, k, text, kind, value, note, dollars, style)[:5])
        pieces.append("</tr>\n")
        rows.append(pieces)
    return rows


def _group_captions(spec, blocks, key) -> dict:
    """Account -> the group captions (rows printing no figures) printed just above it, first period's order."""
    names = {key(name): name for name, _ in blocks}
    found, waiting = {}, []
    for row in spec["periods"][0]["rows"]:
        if not row["cells"] and row["label"].strip():
            waiting.append(row["label"])
        elif row["cells"] and waiting and key(row["label"] or "Total") in names:
            found[names[key(row["label"] or "Total")]] = waiting
            waiting = []
    return found


def _wrap(text, style) -> str:
    from render_html import _wrap as wrap

    return wrap(text, style)


def write_blocks(out, blocks, style, sentinels, write_row, opening) -> None:
    """The blocks, after the document's opening: in one table, or a <table> per
    account; with `page_break` the table broken after that many rows (counted
    over every account's table) by a page number and a running head, the years
    not printed again, as a word processor prints a table over two pages
    (between two accounts' tables: the page number and running head alone)."""
    written = 0
    for n, (caption, rows) in enumerate(blocks):
        if style.transposed_tables and n:
            out.write("</table>\n")
            if written == style.page_break:  # (the break falls between two accounts' tables: furniture alone)
                out.write(furniture(style))
        if caption and (style.transposed_tables or n == 0):
            out.write(f'<p style="margin-top:12pt;margin-bottom:0pt">{_wrap(f"<b>{html.escape(caption)}</b>", style)}</p>\n')
        if n == 0 or style.transposed_tables:
            out.write(opening if n == 0 else TABLE)
        for r, row in enumerate(rows):
            if style.page_break is not None and written == style.page_break and (r or not style.transposed_tables):
                out.write(page_break(style))
            write_row(out, row, sentinels)
            written += 1


def furniture(style) -> str:
    """A page number, the page's end and the next page's running head: the
    schedule's title continued, or under no title (a note's table) the notes'."""
    head = style.running_head or (
        "SCHEDULE II (continued)" if style.titled else "NOTES TO CONSOLIDATED FINANCIAL STATEMENTS (continued)")
    return (f'<p align="center">{"S-2" if style.titled else "F-32"}</p>\n'
            f'<hr style="page-break-after:always" size="1" noshade>\n<p align="center">{head}</p>\n')


def page_break(style) -> str:
    return "</table>\n" + furniture(style) + '<table cellspacing="0" width="100%">\n'
