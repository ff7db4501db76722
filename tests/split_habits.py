"""A Schedule II table cut by a page break after EVERY row it prints, in each
HTML layout of its era and filing software (tests/page_habits.py cuts after a
middle row only).

Test support, not part of the tool.  The part after the break opens a <table>
of its own (the software's "F-32" and page break before it) that repeats, or
not, the table's headings, and repeats, or not, the caption of the period the
break fell in: as it was ("Year ended December 31, 2003"), "(continued)" after
it, or only its year ("2003").  Where the break falls right after a period's
last (or only) row, the part after it may hold the headings and that caption
alone before the next period's caption or the end of its table (a Toppan table
per period cut after its one row: nothing but headings and a caption on the
next page).

Layouts: the whole filings of page_habits' eras (html-1999, html-2003,
ixbrl-2023) and render_software's workiva, toppan and dfin tables.

    cd tests && PYTHONPATH=$PWD/..:. ../.venv/bin/python split_habits.py [layout ...]
tallies right / wrong / refused per layout and way of cutting; with `next` among the arguments,
the ways of `split_before_next` (the next period's caption moved to an empty part at the page's
foot) over every period's end, the tables clean and planted; with `next-headless`, the same, the
next page's table printing no headings either; with `apart`, cut under no headings again, the rows after
the break laid on a grid of their own (`rows_apart`: said unread or read, never dropped unsaid); with
`next-apart`, `next-headless`'s next page's rows laid on a grid of their own (`split_next_apart`).
"""

from __future__ import annotations

import re
from typing import Optional

from render_html import SENTINEL

CAPTION = re.compile(r'<tr><td colspan="\d+"[^>]*>.*?</tr>\n')
ROW = re.compile(r"<tr[^>]*>.*?</tr>\n", re.S)
# (headed, caption): the headings repeated or not; the period's caption not repeated, as it was,
# "(continued)" after it, its year alone.
CUTS = [(headed, caption) for headed in (True, False) for caption in ("none", "restated", "continued", "year")]
LAYOUTS = ("html-1999", "html-2003", "ixbrl-2023", "workiva", "toppan", "dfin")
# The other shapes tests/render_html.py prints (STYLES in test_html_real_tables): a block of rows per
# reserve in one table (years as rows), the years as columns (a block of movements per reserve), a
# <table> per account; cut the same ways.  The years as columns: their head is a block's own row (its
# account's name over the years), no page's head; typed again after the break is that block's row, as it
# was or its name "(continued)" ("headed-none", "headed-continued"), where the break falls inside a block
# (right after a block's last row, "headed-none" is the bare cut: the next block's heading row heads the page).
# A <table> per account: the caption typed again is the account's, printed as a <p> over its table
# (no period caption row), before the next page's table: as it was or "(continued)" after it.
SHAPES = ("account-blocks", "transposed", "by-account")


def cuts_of(layout: str) -> list:
    if layout == "transposed":
        return [(False, "none"), (True, "none"), (True, "continued")]
    return CUTS


def cut_name(headed: bool, caption: str) -> str:
    return f"{'headed' if headed else 'bare'}-{caption}"


def figure_rows(text: str) -> list:
    return [m for m in ROW.finditer(text) if SENTINEL in m.group(0)]


def period_ends(text: str) -> list:
    """The figure rows (their numbers) a period's rows end on, its caption or its table's end
    next (the schedule's last row aside)."""
    rows = figure_rows(text)
    return [n for n in range(len(rows) - 1)
            if "</table>" in text[rows[n].end():rows[n + 1].start()]
            or CAPTION.search(text[rows[n].end():rows[n + 1].start()])]


def _year_only(caption: str) -> Optional[str]:
    inner = re.search(r">([^<>]*\b((?:19|20)\d\d)\b[^<>]*)<", caption)
    if not inner:
        return None
    return caption[:inner.start(1)] + inner.group(2) + caption[inner.end(1):]


def split_after(text: str, n: int, headed: bool, caption: str) -> Optional[str]:
    """The text cut by a page break after its n-th figure row (None where there is no
    n-th row but the last, or the way asks a caption the row has none over it in its table)."""
    rows = figure_rows(text)
    if n >= len(rows) - 1:
        return None  # (after the schedule's last row nothing goes on)
    at = rows[n].end()
    opening = text.rindex("<table", 0, at)
    body = text.index(">", opening) + 1
    if "</table>" in text[body:at]:
        return None
    captions = [m for m in CAPTION.finditer(text, body, at) if SENTINEL not in m.group(0)]
    if _blocks(text, body, at):
        return _split_block(text, opening, body, at, headed, caption)
    head = _head(text, body, at, captions) if headed else ""
    over = ACCOUNT_CAPTION.search(text[:opening])
    if caption != "none" and not CAPTION.search(text) and over is not None:
        # (a <table> per account under its caption printed as a <p> over it: the account's caption
        # typed again over the next page's table, as it was or "(continued)" after it)
        if caption == "year":
            return None
        again = over.group(1)
        if caption == "continued":
            again = re.sub(r"([^<>:]+?):?(</)", r"\1 (continued)\2", again, count=1)
        out = (text[:at] + "</table>\n" + BREAK + again + text[opening:body] + "\n" + head + text[at:])
        return out if out.count(SENTINEL) == text.count(SENTINEL) else None
    if caption != "none" and not captions:
        # (a part after a page break of the layout's own, printing no caption over the rows it carries
        # on: the caption typed again is that of the period the break fell in, printed on a page before)
        captions = [m for m in CAPTION.finditer(text, 0, at) if SENTINEL not in m.group(0)][-1:]
    again = ""
    if caption != "none":
        if not captions:
            return None
        again = captions[-1].group(0)
        if caption == "continued":
            again = re.sub(r"([^<>:]+?):?(</)", r"\1 (continued)\2", again, count=1)
        elif caption == "year":
            again = _year_only(again)
            if again is None:
                return None
    out = (text[:at] + '</table>\n<p align="center">F-32</p>\n<hr style="page-break-after:always">\n'
           + text[opening:body] + "\n" + head + again + text[at:])
    return out if out.count(SENTINEL) == text.count(SENTINEL) else None


# (headed, caption): the empty part at a page's foot printing the headings or not, the next period's
# caption as it was or its year alone.
NEXT_CUTS = [(headed, caption) for headed in (True, False) for caption in ("restated", "year")]
BREAK = '<p align="center">F-32</p>\n<hr style="page-break-after:always">\n'


def next_cut_name(headed: bool, caption: str) -> str:
    return f"next-{cut_name(headed, caption)}"


def split_before_next(text: str, n: int, headed: bool, caption: str, headed_after: bool = True) -> Optional[str]:
    """The text where the n-th figure row is a period's last and the next period's caption is
    moved from over its rows to a part of its own at the page's foot (the headings typed again
    over it, or not, and no row), a page break after it and the next period's rows on the next
    page under the headings (or none: not `headed_after`) but no caption (None where no caption
    opens the next period)."""
    rows = figure_rows(text)
    if n >= len(rows) - 1:
        return None
    at = rows[n].end()
    opening = text.rindex("<table", 0, at)
    body = text.index(">", opening) + 1
    if "</table>" in text[body:at]:
        return None
    nxt = CAPTION.search(text, at, rows[n + 1].start())
    if nxt is None or SENTINEL in nxt.group(0):
        return None
    moved = nxt.group(0) if caption == "restated" else _year_only(nxt.group(0))
    before = [m for m in CAPTION.finditer(text, 0, at) if SENTINEL not in m.group(0)]
    if moved is None or (caption == "year" and before and _year_only(before[-1].group(0)) == moved):
        return None  # (a year alone the period before ends in too names neither: no filer's layout)
    captions = [m for m in CAPTION.finditer(text, body, at) if SENTINEL not in m.group(0)]
    first_row = next(m for m in figure_rows(text[:at]) if m.start() >= body)
    head = text[body:(captions[0].start() if captions else first_row.start())]
    foot = text[opening:body] + "\n" + (head if headed else "") + moved + "</table>\n"
    close = text.find("</table>", at, nxt.start())
    if close >= 0:  # (the next period a table of its own, under the headings: the part before it)
        close += len("</table>")
        after = text.index("<table", close, nxt.start())
        top = text[after:nxt.start()] if headed_after else text[after:text.index(">", after) + 1] + "\n"
        out = text[:close] + "\n" + foot + BREAK + top + text[nxt.end():]
    else:
        out = (text[:at] + "</table>\n" + foot + BREAK + text[opening:body] + "\n" + (head if headed_after else "")
               + text[at:nxt.start()] + text[nxt.end():])
    return out if out.count(SENTINEL) == text.count(SENTINEL) else None


ACCOUNT_CAPTION = re.compile(r"(<p[^>]*>(?:(?!</p>).)*</p>\n)\s*\Z", re.S)
HEAD_ROW = re.compile(r"<tr[^>]*><td[^>]*>(?:<[^>]+>)*([^<>]+)<")


def _blocks(text: str, body: int, at: int) -> bool:
    """Whether the table cut prints the years as columns: its first row the first block's
    heading (its account's name, then a year per column)."""
    first = ROW.search(text, body)
    return (first is not None and SENTINEL not in first.group(0)
            and len(re.findall(r"\b(?:19|20)\d\d\b", first.group(0))) >= 2
            and HEAD_ROW.match(first.group(0)) is not None
            and not re.search(r"(?:19|20)\d\d", HEAD_ROW.match(first.group(0)).group(1)))


def _split_block(text: str, opening: int, body: int, at: int, headed: bool, caption: str) -> Optional[str]:
    """The years as columns cut inside a block (its next row a figures' row): the next page's table
    under the block's heading row typed again (`headed`: as it was, or its account's name
    "(continued)"), or under none (only "none")."""
    following = ROW.search(text, at)
    if following is None or SENTINEL not in following.group(0):
        # (right after a block's last row: the next page's head is the next block's own heading row)
        return None if caption != "none" else (text[:at] + "</table>\n" + BREAK + text[opening:body] + "\n" + text[at:])
    if not headed:
        return None if caption != "none" else (text[:at] + "</table>\n" + BREAK + text[opening:body] + "\n" + text[at:])
    heading = [m for m in ROW.finditer(text, body, at) if SENTINEL not in m.group(0)][-1].group(0)
    if caption == "continued":
        name = HEAD_ROW.match(heading)
        heading = heading[:name.end(1)] + " (continued)" + heading[name.end(1):]
    elif caption != "none":
        return None
    out = text[:at] + "</table>\n" + BREAK + text[opening:body] + "\n" + heading + text[at:]
    return out if out.count(SENTINEL) == text.count(SENTINEL) else None


# (a figure's spacer, "$", figure and ")" cells; the spacer a note's "(1)" where one stands after the figure
# before: html-2003's deductions then the ending balance, the note kept in a cell of its own)
GROUP = re.compile(r'<td>(?:&nbsp;|(\([a-z\d]{1,2}\)))</td>\n?<td>(\$?)</td><td( align="right")?>((?:(?!</td>).)*)</td><td>(\)?)</td>', re.S)


def rows_apart(text: str) -> str:
    """The table right after the text's last page break laid on a grid of its own: a cell per figure
    (a blank one kept), its spacer and "$" cells gone, its first row of figures printing a "$" in a cell
    of its own before each figure (a page's first row), the others not; its figures fall in no column
    of the headings' (as html/rows_apart_after_break, the thornbury-kiln fixtures)."""
    at = text.rindex(BREAK)  # (the cut's break: not a page break of the layout's own after it, DFIN's
    start = text.index("<table", at)  # <div> round each page's table)
    end = text.index("</table>", start)
    part = GROUP.sub(lambda m: f'{f"<td>{m.group(1)}</td>" if m.group(1) else ""}<td align="right">{m.group(4)}{m.group(5)}</td>',
                     text[start:end])
    if part == text[start:end]:  # (the modern software's cells, none of the 1999-2003 groups: a row at a time)
        part = ROW.sub(lambda m: _row_apart(m.group(0)), part)
    row = next((m for m in ROW.finditer(part) if SENTINEL in m.group(0)), None)
    if row is None:
        return text
    dollars = row.group(0).replace('<td align="right">', '<td>$</td><td align="right">')
    return text[:start] + part[:row.start()] + dollars + part[row.end():] + text[end:]


CELL = re.compile(r"<td[^>]*?/>|<td.*?</td>", re.S)
FIGURE_CELL = re.compile(r'<td align="right">(.*)</td>', re.S)
OPEN_TAGS = re.compile(r"^(?:<(?!ix:)[a-z][^>]*>)*")
CLOSE_TAGS = re.compile(r"(?:</(?!ix:)[a-z]+>)*$")


def _row_apart(row: str) -> str:
    """A row of the modern software's (Workiva's, Toppan's, DFIN's: each figure in a right-aligned
    cell, its spacer, "$" and "(" ("$(") cells before it, its ")" cell after) laid on a grid of its
    own: its label cell(s), then a right-aligned cell per figure holding the "(" and ")" printed
    apart around it (the figure's first character, `SENTINEL`, kept where it was: on the "(")."""
    cells = CELL.findall(row)
    figures = [k for k, c in enumerate(cells) if FIGURE_CELL.fullmatch(c)]
    if not figures:
        return row
    def words(cell: str) -> str:
        return re.sub(r"<[^>]*>|&nbsp;|&#160;|\s", "", cell)
    out = [c for k, c in enumerate(cells[:figures[0]]) if k == 0 or re.search(r"[A-Za-z]", words(c))]
    done = len(out) and cells.index(out[-1]) + 1
    for n, k in enumerate(figures):
        between = [c for c in cells[done:k] if c not in out]
        notes = [c for c in between if re.fullmatch(r"\([a-z\d]{1,2}\)|\*+", words(c))]
        if notes and len(out) > 1:  # (a footnote's marker in a cell of its own: the figure's before it)
            tail = CLOSE_TAGS.search(out[-1][:-len("</td>")]).start()
            out[-1] = out[-1][:tail] + "".join(words(c) for c in notes) + out[-1][tail:]
        before = "".join(words(c) for c in between if c not in notes)
        inner = FIGURE_CELL.fullmatch(cells[k]).group(1)
        after = k + 1 < len(cells) and k + 1 not in figures and words(cells[k + 1]) == ")"
        lead = OPEN_TAGS.match(inner).end()
        inner = inner[:lead] + (SENTINEL if SENTINEL in before else "") + ("(" if "(" in before else "") + inner[lead:]
        if after:
            tail = CLOSE_TAGS.search(inner).start()
            inner = inner[:tail] + ")" + inner[tail:]
        out.append(f'<td align="right">{inner}</td>')
        done = k + 1 + after
    head = row[:row.index("<td")]
    return head + "".join(out) + "</tr>\n"


def split_next_apart(text: str, n: int, headed: bool, caption: str) -> Optional[str]:
    """`split_before_next`, the next page's table printing no headings, its rows laid on a grid of
    their own (`rows_apart`)."""
    out = split_before_next(text, n, headed, caption, False)
    return None if out is None else rows_apart(out)


def split_apart(text: str, n: int, headed: bool, caption: str) -> Optional[str]:
    """`split_after`, the rows after the break laid on a grid of their own (`rows_apart`)."""
    out = split_after(text, n, headed, caption)
    return None if out is None else rows_apart(out)


def _head(text: str, body: int, at: int, captions: list) -> str:
    """The headings typed again after the break: those of the part cut (its rows above its first
    caption or row), or, where that part prints none (a part after a page break of the layout's
    own, its rows carrying on the page before's), those of the schedule's first table."""
    first_row = next(m for m in figure_rows(text[:at]) if m.start() >= body)
    head = text[body:captions[0].start() if captions else first_row.start()]
    if SENTINEL not in head and (not captions or captions[0].start() < first_row.start()):
        return head
    top = figure_rows(text)[0].start()
    opening = text.rindex("<table", 0, top)
    start = text.index(">", opening) + 1
    above = [m for m in CAPTION.finditer(text, start, top) if SENTINEL not in m.group(0)]
    return text[start:above[0].start() if above else top]


def rendered(spec: dict, layout: str):
    from page_habits import marked
    import render_filing as rf

    if layout in ("html-1999", "html-2003", "ixbrl-2023"):
        return marked(rf._filing(spec, layout, {"index-report"}))
    if layout in SHAPES:
        from render_html import render
        from test_html_real_tables import STYLES

        return marked(render(spec, STYLES[layout]))
    from render_software import render_software
    from test_html_real_tables import SOFTWARE

    return marked(render_software(spec, SOFTWARE[layout]))


def outcome(spec: dict, base, n: int, headed: bool, caption: str, ruleset, cut=None) -> Optional[tuple]:
    """None where the cut does not apply; else (verdict, why): right / wrong / refused / said.
    Right: every figure read where printed, exactly the errors the figures hold, every
    period read (or a warning naming what is unread).  Said: every figure read where printed
    but those each said unread (VQ007: a part the reading could not join, never dropped unsaid)."""
    import copy

    import auditor
    from auditor import source
    from expect import expected_errors, read_cells, reported_errors, units_misread
    from render_html import place_sentinels

    text = (cut or split_after)(base.text, n, headed, caption)
    if text is None:
        return None
    out = copy.copy(base)
    out.text = text
    r = place_sentinels(out)
    name = "filing.htm"
    result = auditor.check_source(source.from_text(r.text, name), ruleset)
    if result.error is not None:
        return "refused", str(result.error)[:200]
    read = read_cells(result.schedules)
    said = {(x.location.line, x.location.column) for x in result.findings if x.check == "figures_unread"}
    unread = []
    for f in r.figures:
        got = read.get((f.line, f.start))
        if got is None and (f.line, f.start) in said:
            unread.append(f)
        elif got is None or got[1] != f.value:
            return "wrong", f"{f.raw} at {f.line}:{f.start} read {got}"
    if unread:  # (a part stranded, its every figure said unread: VQ007, s37 unreadwarn)
        return "said", f"{len(unread)} figures said unread from line {unread[0].line}"
    periods = sum(len(s.periods) for s in result.schedules)
    if periods != len(spec["periods"]):
        return "wrong", f"{periods} periods read of {len(spec['periods'])}"
    wrong_units = units_misread(result.schedules, [r])  # (each part in the units the table states)
    if wrong_units is not None:
        return "wrong", wrong_units
    want, got = expected_errors(spec, r), reported_errors(result)
    if got != want:
        return "wrong", f"extra {sorted(got - want)[:2]} missed {sorted(want - got)[:2]}"
    return "right", ""


def cases(planted_too: bool = False) -> list:
    import json

    from page_habits import tables
    from test_html_era_markup import planted

    out = []
    for i, path in enumerate(tables()):
        spec = json.loads(path.read_text())
        out.append((path.stem, "clean", spec))
        if planted_too and i % 2 == 0:
            out.append((path.stem, "planted", planted(spec)))
    return out


def main(layouts: list) -> None:
    import auditor

    ruleset = auditor.load_rules()
    nxt = "next" in layouts or "next-headless" in layouts or "next-apart" in layouts
    headless = "next-headless" in layouts
    next_apart = "next-apart" in layouts
    apart = "apart" in layouts
    layouts = [layout for layout in layouts if layout not in ("next", "next-headless", "next-apart", "apart")]

    def before_next(text: str, n: int, headed: bool, caption: str) -> Optional[str]:
        if next_apart:
            return split_next_apart(text, n, headed, caption)
        return split_before_next(text, n, headed, caption, not headless)

    for layout in layouts or LAYOUTS:
        for headed, caption in (NEXT_CUTS if nxt else [(False, "none")] if apart else cuts_of(layout)):
            counts = {"right": 0, "wrong": 0, "refused": 0, "said": 0}
            said = []
            for name, kind, spec in cases(planted_too=nxt):
                base = rendered(spec, layout)
                for n in (period_ends(base.text) if nxt else range(len(figure_rows(base.text)))):
                    got = outcome(spec, base, n, headed, caption, ruleset,
                                  before_next if nxt else split_apart if apart else None)
                    if got is None:
                        continue
                    counts[got[0]] += 1
                    if got[0] != "right" and len(said) < 3:
                        said.append(f"{name}/{kind} after row {n}: {got[0]}: {got[1]}")
            print(f"{layout:11} {(next_cut_name if nxt else cut_name)(headed, caption):18} right {counts['right']:4}  wrong {counts['wrong']:3}  "
                  f"refused {counts['refused']:3}  said {counts['said']:3}", flush=True)
            for line in said:
                print("      ", line, flush=True)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
