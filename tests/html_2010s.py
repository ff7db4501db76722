"""The markup of EDGAR HTML 10-Ks of 2008-2018, as edits of a rendered table.

Test support, not part of the tool.  Between the converters of 1997-2010
(`html_era`) and inline XBRL, filing agents' software (Webfilings/Workiva,
RR Donnelley's Venue and ActiveDisclosure, Toppan Vintage, Merrill Bridge,
GoFiler, Bowne) wrote the 10-K's HTML, its XBRL in exhibits of their own (the
HTML untagged).  Each edit is one habit of that markup, applied alone to a
table rendered with sentinels, as `html_era`'s are (registered there: its
VARIATIONS and measure, test_html_era_markup, run them over the 24 real tables):

- styled-paragraphs: every cell's text in <p style="margin-top:0pt; margin-bottom:0pt;
  font-size:8pt; font-family:Times New Roman"> (text-align:right for the figures), inside
  <font style="display:inline">, empty cells &#160; (Webfilings, Venue);
- percent-spacers: every spacer cell width:1%, the figures' cells a width each, the
  headings' cells with a border-bottom rule (agents' fixed grids);
- rule-rows: an empty row of cells ruled with border-bottom over each total (the rule a
  row of its own, not a border of the figures' cells);
- styled-totals: a total's row in bold, each of its cells with border-top (CSS, no <b>);
- em-indent: the labels indented by padding-left:1.5em / text-indent, the accounts' names
  under a caption in a first column without padding;
- fy-captions, colon-captions: the periods' captions "FY2012" or "2012:"; transposed-fy: the
  years as columns headed so;
- account-years, account-fy, account-colon, account-fiscal: years as row labels under an
  account's caption row, spelled "Year ended December 31, 2012", "FY2012", "2012:", "Fiscal 2012";
- account-in-heading: a table per account, its name in the label column's heading;
- period-label-heading: each period's headings printed again, the period in their label cell;
- other-column: a trailing "Other" column in parentheses beside deductions printed positive;
- sup-digits, indent-cells, soft-hyphens, zero-width, label-over-dollar, figure-over-paren,
  unicode-minus, paren-notes, balances-table, combined-2010s: see each edit's docstring;
- heads-break: a page break (<div style="page-break-before:always">) between the
  schedule's headings and its body, the body a <table> of its own under a running head
  "SCHEDULE II (continued)";
- running-head-table: after the schedule, on the next page under the running head
  "SCHEDULE II", a table of other columns that is no schedule (the quarterly figures of
  the notes' last page).
"""

from __future__ import annotations

import re
from typing import Callable

from html_era import (SPEC_OF, STYLE_OF, VARIATIONS, Edit, _captions_as, _figure_rows, _heading_rows,
                      _period_caption_rows, _width, dollar_glued, numeric_nbsp)
from render_html import SENTINEL

P_STYLE = "margin-top:0pt; margin-bottom:0pt; font-size:8pt; font-family:Times New Roman"


def styled_paragraphs(e: Edit) -> None:
    def para(align: str) -> Callable[[re.Match], str]:
        return lambda m: (f'{m.group(1)}<p style="{P_STYLE}{align}"><font style="display:inline">{m.group(2)}'
                          f"</font></p>{m.group(3)}")

    e.text = re.sub(r'(<td align="right">)(' + SENTINEL + r"[^<]*)(</td>)", para("; text-align:right"), e.text)
    e.text = re.sub(r"(<td>)([$)])(</td>)", para(""), e.text)
    e.text = re.sub(r'(<td style="padding-left:10pt">)<font[^>]*>([^<]*)</font>(</td>)', para(""), e.text)
    e.text = e.text.replace("<td>&nbsp;</td>", "<td>&#160;</td>")


def percent_spacers(e: Edit) -> None:
    e.text = e.text.replace("<td>&nbsp;</td>", '<td style="width:1%">&nbsp;</td>')
    e.text = e.text.replace('<td align="right">', '<td style="width:9%; text-align:right">')
    a, b = _heading_rows(e.text)
    head = e.text[a:b].replace('<td colspan="3" align="center">',
                               '<td colspan="3" style="border-bottom:1px solid #000000; text-align:center">')
    e.text = e.text[:a] + head + e.text[b:]


def rule_rows(e: Edit) -> None:
    width = _width(e)
    ruled = "<td>&nbsp;</td>" + "".join(
        '<td>&nbsp;</td><td style="border-bottom:1px solid #000000" colspan="3">&nbsp;</td>'
        for _ in range(width // 4))
    e.rows(lambda row, total: (f'<tr style="height:3pt">{ruled}</tr>\n' + row) if total else row)


def styled_totals(e: Edit) -> None:
    def edit(row, total):
        if not total:
            return row
        row = row.replace('<td align="right">', '<td align="right" style="font-weight:bold; '
                          'border-top:1px solid #000000">')
        return re.sub(r"<td(>[$)]</td>)", r'<td style="font-weight:bold; border-top:1px solid #000000"\1', row)

    e.rows(edit)


def em_indent(e: Edit) -> None:
    e.text = e.text.replace('<td style="padding-left:10pt">',
                            '<td style="padding-left:1.5em; text-indent:-0.5em; vertical-align:bottom">')


def heads_break(e: Edit) -> None:
    b = min(m.start() for m in _figure_rows(e) + _period_caption_rows(e))  # (after every heading row)
    opening = re.search(r"<table\b[^>]*>\n?", e.text).group(0)
    e.text = (e.text[:b] + '</table>\n<div style="page-break-before:always"></div>\n'
              '<p style="text-align:center"><b>SCHEDULE II</b></p>\n'
              '<p style="text-align:center">VALUATION AND QUALIFYING ACCOUNTS (continued)</p>\n' + opening + e.text[b:])


QUARTERS = ("First Quarter", "Second Quarter", "Third Quarter", "Fourth Quarter")


def running_head_table(e: Edit) -> None:
    head = "".join(f'<td>&nbsp;</td><td colspan="3" style="text-align:center">{q}</td>' for q in QUARTERS)
    rows = "".join(
        f'<tr><td style="padding-left:10pt">{label}</td>'
        + "".join(f'<td>&nbsp;</td><td>$</td><td style="text-align:right">{v}</td><td></td>' for v in figures) + "</tr>\n"
        for label, figures in (("Net sales", ("412,118", "433,906", "451,200", "470,514")),
                               ("Gross profit", ("120,555", "131,004", "138,221", "140,090")),
                               ("Net income", ("12,301", "14,877", "15,020", "16,443"))))
    table = ('<div style="page-break-before:always"></div>\n<p style="text-align:center"><b>SCHEDULE II</b></p>\n'
             '<p>Selected quarterly financial data (unaudited):</p>\n'
             f'<table cellspacing="0" cellpadding="0" style="width:100%">\n<tr><td>&nbsp;</td>{head}</tr>\n{rows}'
             "</table>\n")
    i = e.text.rindex("</table>") + len("</table>\n")
    e.text = e.text[:i] + table + e.text[i:]


def balances_table(e: Edit) -> None:
    """After the schedule, on the next page under the running head "SCHEDULE II", a table of two
    years' balances (no movements: two figures a row, dated headings) that is no schedule."""
    years = ("December 31, 2017", "December 31, 2016")
    head = "".join(f'<td>&nbsp;</td><td colspan="3" style="text-align:center">{y}</td>' for y in years)
    rows = "".join(
        f'<tr><td style="padding-left:10pt">{label}</td>'
        + "".join(f'<td>&nbsp;</td><td>$</td><td style="text-align:right">{v}</td><td></td>' for v in figures) + "</tr>\n"
        for label, figures in (("Accrued compensation", ("12,345", "11,002")), ("Accrued warranty", ("4,500", "4,100")),
                               ("Total", ("16,845", "15,102"))))
    table = ('<div style="page-break-before:always"></div>\n<p style="text-align:center"><b>SCHEDULE II</b></p>\n'
             f'<table cellspacing="0" cellpadding="0" style="width:100%">\n<tr><td>&nbsp;</td>{head}</tr>\n{rows}'
             "</table>\n")
    i = e.text.rindex("</table>") + len("</table>\n")
    e.text = e.text[:i] + table + e.text[i:]


def combined_2010s(e: Edit) -> None:
    """Many at once, as one agent's software writes them (the edits finding the renderer's own
    markup first)."""
    for edit in (rule_rows, styled_totals, dollar_glued, styled_paragraphs, em_indent, percent_spacers, numeric_nbsp):
        edit(e)


def _fy(caption: str) -> str:
    years = re.findall(r"(?:19|20)\d\d", caption)
    return f"FY{years[-1]}" if years else caption


def _colon(caption: str) -> str:
    years = re.findall(r"(?:19|20)\d\d", caption)
    return f"{years[-1]}:" if years else caption


HABITS: dict[str, Callable[[Edit], None]] = {
    "styled-paragraphs": styled_paragraphs, "percent-spacers": percent_spacers, "rule-rows": rule_rows,
    "styled-totals": styled_totals, "em-indent": em_indent, "fy-captions": _captions_as(_fy),
    "colon-captions": _captions_as(_colon), "heads-break": heads_break, "running-head-table": running_head_table,
    "balances-table": balances_table, "combined-2010s": combined_2010s,
}


def _periods_relabelled(spell: Callable[[str], str]) -> Callable[[dict], dict]:
    """The spec with each period's label spelled from its last year (the label kept where it has
    none, or where two periods would read alike)."""
    def relabel(spec: dict) -> dict:
        labels = []
        for p in spec["periods"]:
            years = re.findall(r"(?:19|20)\d\d", p["label"])
            labels.append(spell(years[-1]) if years else p["label"])
        if len(set(labels)) < len(labels):
            return spec
        return {**spec, "periods": [{**p, "label": label} for p, label in zip(spec["periods"], labels)]}
    return relabel


# The rows by account in one table: a caption row per account ("Allowance for doubtful accounts:"),
# a row per period under it labelled by the period alone (years as row labels under an account's caption).
ACCOUNT_BLOCKS = {"by_account": True, "account_tables": False, "account_caption": "row"}
SPECS: dict[str, Callable[[dict], dict]] = {
    "account-years": _periods_relabelled(lambda y: f"Year ended December 31, {y}"),
    "account-fy": _periods_relabelled(lambda y: f"FY{y}"),
    "account-colon": _periods_relabelled(lambda y: f"{y}:"),
    "account-fiscal": _periods_relabelled(lambda y: f"Fiscal {y}"),
}
STYLES: dict[str, dict] = {name: ACCOUNT_BLOCKS for name in SPECS}
# The periods as columns headed "FY2013", "FY2012" (a block of rows per account).
SPECS["transposed-fy"] = SPECS["account-fy"]
STYLES["transposed-fy"] = {"transposed": True}
HABITS.update({name: (lambda e: None) for name in SPECS})


def sup_digits(e: Edit) -> None:
    """A footnote's reference a bare digit in <sup> after a figure and after a label
    ("5,000<sup>1</sup>", "Allowance for doubtful accounts<sup>2</sup>"), every third row's."""
    n = [0]

    def figure(m):
        n[0] += 1
        return m.group(1) + (f'<sup style="font-size:6pt">{1 + n[0] % 2}</sup>' if n[0] % 3 == 0 else "") + m.group(2)

    e.text = re.sub(r"(" + SENTINEL + r"[^<]*?\d)(</td>)", figure, e.text)
    e.text = re.sub(r'(<td style="padding-left:10pt"><font[^>]*>[^<]*[a-z])(</font>)',
                    lambda m: m.group(1) + "<sup>2</sup>" + m.group(2), e.text, count=2)


def indent_cells(e: Edit) -> None:
    """The accounts' labels in a second cell after an empty indent cell of their own (no
    padding), the captions', headings' and periods' cells spanning both."""
    e.text = e.text.replace('<td style="padding-left:10pt">', '<td style="width:2%">&#160;</td><td>')
    width = _width(e)
    e.text = e.text.replace(f'<td colspan="{width}"', f'<td colspan="{width + 1}"')
    e.text = e.text.replace('<td align="left">', '<td align="left" colspan="2">')


def soft_hyphens(e: Edit) -> None:
    """The headings' long words hyphenated with &#173; (soft hyphens), as layout software marks
    where a word may break: "Begin&#173;ning", "Deduc&#173;tions"."""
    a, b = _heading_rows(e.text)

    def word(m):
        w = m.group(0)
        return w[:len(w) // 2] + "&#173;" + w[len(w) // 2:] if len(w) >= 8 else w

    head = re.sub(r">([^<>]+)<", lambda m: ">" + re.sub(r"(?<![&#\w])[A-Za-z]{8,}", word, m.group(1)) + "<", e.text[a:b])
    e.text = e.text[:a] + head + e.text[b:]


def zero_width(e: Edit) -> None:
    """Empty cells holding a zero-width space (&#8203;), one after each "$" and before each
    label (Workiva's placeholders)."""
    e.text = re.sub(r"<td>(?:&nbsp;)?</td>", "<td>&#8203;</td>", e.text)
    e.text = e.text.replace("<td>$</td>", "<td>$&#8203;</td>")
    e.text = re.sub(r'(<td style="padding-left:10pt"><font[^>]*>)', r"\1&#8203;", e.text)


HABITS.update({"sup-digits": sup_digits, "indent-cells": indent_cells, "soft-hyphens": soft_hyphens,
               "zero-width": zero_width})


def other_column(spec: dict) -> dict:
    """A trailing column "Other" before the closing balance, its figures in parentheses: a
    quarter of each row's deductions (printed positive and subtracted) moved there and printed
    negative, to be added (two conventions in one table, each column's own).  The totals sum
    their rows' as the deductions' did.  (Tables printing deductions negative: as they are.)"""
    import copy
    from decimal import Decimal

    from render import parse_cell

    roles = spec["roles"][1:]
    taken = [k for k, r in enumerate(roles) if r in ("deductions", "writeoffs")]
    if spec["deductions_sign"] != "positive-subtracted" or not taken:
        return spec
    spec = copy.deepcopy(spec)
    d, closing = taken[0], roles.index("ending")
    spec["columns"].insert(1 + closing, "Other")
    spec["roles"].insert(1 + closing, "other")

    def printed(value: Decimal, decimals: int) -> str:
        body = f"{abs(value):,.{decimals}f}"
        return "\u2014" if not value else (f"({body})" if value < 0 else body)

    for period in spec["periods"]:
        items, subtotals = [], []
        for row in period["rows"]:
            cells = row["cells"]
            if not cells:
                continue
            kind, value, decimals = parse_cell(cells[d])
            if row.get("is_total"):
                parts = items or subtotals
                moved = sum((p for p, _ in parts), Decimal(0))
                places = max([q for _, q in parts], default=decimals)
                if items:
                    subtotals.append((moved, places))
                items = []
            else:
                moved = (value / 4).quantize(Decimal(1).scaleb(-decimals)) if kind == "amount" and value > 0 else Decimal(0)
                places = decimals
                items.append((moved, decimals))
            if kind == "amount" and moved:
                cells[d] = printed(value - moved, decimals)
            cells.insert(closing, printed(-moved, places))
            if row.get("footnotes"):
                row["footnotes"].insert(closing, "")
    return spec


SPECS["other-column"] = other_column
STYLES["other-column"] = {}
HABITS["other-column"] = lambda e: None


def account_in_heading(e: Edit) -> None:
    """(A table per account.)  The account's name the label column's heading ("Allowance for
    doubtful accounts" where "Description" was), no caption above its table, its rows the years."""
    caption = re.compile(r'<p style="margin-top:12pt;margin-bottom:0pt">(?:<font[^>]*>)?<b>([^<]*?):?</b>(?:</font>)?</p>\n')
    out, last = [], 0
    for m in caption.finditer(e.text):
        out.append(e.text[last:m.start()])
        end = e.text.find("</table>", m.end())
        end = len(e.text) if end < 0 else end
        block = e.text[m.end():end]
        heads = list(re.finditer(r'(<td align="left">(?:<font[^>]*>)?)[^<]*', block[:block.find(SENTINEL)]))
        if heads:  # (the label's heading cell of the headings' last row)
            h = heads[-1]
            block = block[:h.start()] + h.group(1) + m.group(1) + block[h.end():]
        out.append(block)
        last = end
    out.append(e.text[last:])
    e.text = "".join(out)


HABITS["account-in-heading"] = account_in_heading
STYLES["account-in-heading"] = {"by_account": True, "heading_rows": 2, "nil": "&mdash;", "repeat_headings": True}


def label_over_dollar(e: Edit) -> None:
    """On rows printing no "$" in their first column of figures, the label's cell spanning the
    spacer and the empty "$" cell after it (colspan=3): the cells before the first figure are
    fewer on those rows than on the rows with "$" (layout software merges empty cells)."""
    e.text = re.sub(r'(<td style="padding-left:10pt")(>(?:(?!</td>).)*</td>)\s*<td>&nbsp;</td><td></td>',
                    r'\1 colspan="3"\2', e.text)


def figure_over_paren(e: Edit) -> None:
    """A positive figure's cell spanning the empty ")" cell after it (colspan=2), a negative's
    beside its ")" cell."""
    e.text = re.sub(r'<td align="right">(' + SENTINEL + r'[^<(]*)</td><td></td>', r'<td align="right" colspan="2">\1</td>',
                    e.text)


def unicode_minus(e: Edit) -> None:
    """Negatives printed with the minus sign (&#8722;) before the digits, no parentheses."""
    from html_era import _per_figure
    _per_figure(e, r"\(([\d,.]+)</td><td>\)</td>",
                lambda m, n: ("&#8722;" + m.group(1) + "</td><td></td>", "\u2212" + m.group(1)))


HABITS.update({"label-over-dollar": label_over_dollar, "figure-over-paren": figure_over_paren,
               "unicode-minus": unicode_minus})


def period_label_heading(e: Edit) -> None:
    """The headings printed over each period's rows, the period's caption in their label
    cell where "Description" stood ("Year ended December 31, 2012" | "Balance at ..."), no
    caption row (a table per year set in one <table>)."""
    captions = _period_caption_rows(e)
    if not captions:
        return
    a, _ = _heading_rows(e.text)
    b = min(captions[0].start(), _figure_rows(e)[0].start())
    head = e.text[a:b]
    labels = list(re.finditer(r'(<td align="left">(?:<font[^>]*>)?)[^<]*', head))
    if not labels:
        return
    last = labels[-1]
    for m in reversed(captions):
        caption = re.sub(r"<[^>]*>", "", m.group(0)).strip()
        own = head[:last.start()] + last.group(1) + caption + head[last.end():]
        e.text = e.text[:m.start()] + own + e.text[m.end():]
    e.text = e.text[:a] + e.text[b:]


def paren_notes(e: Edit) -> None:
    """A footnote's reference after a negative's ")" in its cell (")(a)", ")*"), every other one."""
    n = [0]

    def note(m):
        n[0] += 1
        return "<td>)" + ("", "(a)", "", "*")[n[0] % 4] + "</td>"

    e.text = re.sub(r"<td>\)</td>", note, e.text)


HABITS.update({"period-label-heading": period_label_heading, "paren-notes": paren_notes})


VARIATIONS.update(HABITS)
SPEC_OF.update(SPECS)
STYLE_OF.update(STYLES)


# --- stop 27: markup a browser does not print (display:none) ---

def _unplaced(row: str) -> str:
    """A copy of a <tr> whose figures are no printed figures (its sentinels gone)."""
    return row.replace(SENTINEL, "")


def hidden_rows(e: Edit) -> None:
    """After each row of figures, a copy of it styled display:none, every figure one more
    (the row filing software keeps for its XBRL tagging, hidden on the page)."""
    def bump(m: re.Match) -> str:
        digits = m.group(0).replace(",", "")
        return f"{int(digits) + 1:,}"

    def edit(row: str, total: bool) -> str:
        if SENTINEL not in row:
            return row
        copy = re.sub(r"(?<=>)\d[\d,]*(?=<)", bump, _unplaced(row))
        copy = re.sub(r"<tr\b[^>]*>", '<tr style="display:none">', copy, count=1)
        return row + copy + ("\n" if not copy.endswith("\n") else "")
    e.rows(edit)


def hidden_cells(e: Edit) -> None:
    """After each row's first cell, a cell styled display:none (Workiva's hidden columns,
    `<td colspan="3" style="display:none"/>`), in rows of figures holding a figure of its own."""
    def edit(row: str, total: bool) -> str:
        first = re.search(r"<td\b[^>]*>.*?</td>", row, re.DOTALL)
        if first is None:
            return row
        cell = ('<td style="display:none" align="right">999</td>' if SENTINEL in row
                else '<td colspan="3" style="display:none"/>')
        return row[:first.end()] + cell + row[first.end():]
    e.rows(edit)


def hidden_headings(e: Edit) -> None:
    """Over the columns' headings, a row of other headings styled display:none (the
    headings of another layout of the same table, kept in the file), and a hidden title
    naming other years before the table."""
    a, b = _heading_rows(e.text)
    width = _width(e)
    cells = "".join(f'<td colspan="{width - 1}" align="center">Balance at End of Period</td>' for _ in range(1))
    row = f'<tr style="display:none"><td>Year ended December 31, 1989</td>{cells}</tr>\n'
    e.text = e.text[:a] + row + e.text[a:]
    t = e.text.index("<table")
    e.text = (e.text[:t] + '<p style="display: none">SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS '
              "Years ended December 31, 1987, 1988 and 1989</p>\n" + e.text[t:])


def class_hidden(e: Edit) -> None:
    """hidden-rows and hidden-cells, the display:none a class of a <style> block in the head
    (`.hid{display:none}`, `<tr class="hid">`), as page-layout converters write it."""
    hidden_rows(e)
    hidden_cells(e)
    e.text = e.text.replace('style="display:none"', 'class="hid"')
    style = "<style type=\"text/css\">\n<!--\n.hid { display : none }\np.x, .hid2 {display:none; color:red}\n-->\n</style>\n"
    e.text = e.text.replace("<head>", "<head>" + style, 1) if "<head>" in e.text else style + e.text


HABITS.update({"hidden-rows": hidden_rows, "hidden-cells": hidden_cells, "hidden-headings": hidden_headings,
               "class-hidden": class_hidden})
VARIATIONS.update({k: HABITS[k] for k in ("hidden-rows", "hidden-cells", "hidden-headings", "class-hidden")})


def _heads_split(between: str) -> Callable[[Edit], None]:
    """The schedule's heading rows cut in two by a page break (`between`: the markup of the
    break), the first heading row closing one <table>, the rest of the headings opening the
    next (a heading split across two tables, as a page's foot fell inside it)."""
    def edit(e: Edit) -> None:
        a, b = _heading_rows(e.text)
        first = ROW_TAG.search(e.text, a)
        cut = first.end() if first is not None and first.end() < b else None
        if cut is None:
            return
        opening = re.search(r"<table\b[^>]*>\n?", e.text).group(0)
        e.text = e.text[:cut] + "</table>\n" + between + opening + e.text[cut:]
    return edit


ROW_TAG = re.compile(r"<tr\b[^>]*>.*?</tr>\n?", re.DOTALL | re.IGNORECASE)
SPLIT_BREAKS = {
    "heads-split": '<div style="page-break-before:always"></div>\n',
    "heads-split-hr": '<p align="center">F-12</p>\n<hr size="2" noshade>\n',
    "heads-split-number": '<p style="text-align:center">- 12 -</p>\n<p style="page-break-before:always">&#160;</p>\n',
}
HABITS.update({name: _heads_split(markup) for name, markup in SPLIT_BREAKS.items()})
VARIATIONS.update({name: HABITS[name] for name in SPLIT_BREAKS})
STYLE_OF.update({name: {"heading_rows": 3} for name in SPLIT_BREAKS})


def css_class_paragraphs(e: Edit) -> None:
    """css-classes with every cell a <p class="c"> (the converter's paragraphs as cells): a
    heading's start tag too short to hold '<td colspan=2>'."""
    from render_html import css_table

    e.text = css_table(e.text, cell="p", classes=True)


HABITS["css-class-paragraphs"] = css_class_paragraphs
VARIATIONS["css-class-paragraphs"] = css_class_paragraphs
