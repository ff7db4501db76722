"""The headings and the column spans: which lines head the table, which
character span each figure column owns (from the <S>/<C> marker line, the
dashed rule under the headings, or the figures' own alignment), and each
column's heading text."""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple, Optional, Sequence

from auditor.frontends.text.aligned import SLACK, marks_figure
from auditor.frontends.text.context import PAGE_NUMBER
from auditor.frontends.text.parse import DATE_BEFORE_ITS_YEAR, Line, Token
from auditor.frontends.text.tokens import Chunk, chunk_text, chunks, text
from auditor.labels import ACCOUNT_WORD, BARE_YEAR, GROUP_WORDS, RESERVED_ASSET, TITLE, UNITS, YEAR, YEAR_BY_PLACE, is_period, names_a_year
from auditor.model import Column

# The right edge of the last column: no line is this wide.
FAR = 10**6


class HeadingBlock(NamedTuple):
    headings: list[Line]  # heading text lines, top to bottom
    separators: list[Line]  # rule and <S>/<C> lines among and under them
    body_start: int  # index of the body's first line (its captions, then rows)


class Spanning(NamedTuple):
    """A dashed run under a heading that spans two or more columns."""

    line: int
    start: int
    end: int


def heading_block(lines: Sequence[Line], body_start: int, label_end: int) -> HeadingBlock:
    """Heading lines and the separator lines (rules, <S>/<C>) under them.

    Walk up from the first row: past the period and group captions (text in
    the label area), then through rules, marker lines and heading text,
    until a gap of two blank lines, a tag, a title or the units line.
    """
    i = body_start - 1
    # (A title or units line is no caption: a table printed without headings opens
    # under it; but a units line right under an account's caption is that caption's.)
    while i >= 0 and (lines[i].kind == "text" and is_caption(lines[i], label_end)
                      and (not is_title_or_units(lines[i]) or _units_under_caption(lines, i, label_end))
                      and not _years_under_their_days(lines, i, label_end)
                      or _underlines_caption(lines, i, label_end) or _rules_off_period(lines, i, label_end)
                      or units_under_ruled_caption(lines, i, label_end)):
        i -= 1
    captions_start = i + 1
    headings: list[Line] = []
    separators: list[Line] = []
    below = lines[i + 1].number
    while i >= 0:
        ln = lines[i]
        if below - ln.number > 3:
            break
        if ln.kind == "text" and (headings or separators) and _page_foot(lines, i, label_end):
            if headings and not any(t.end > label_end for h in headings for t in h.words):
                # (A first period printed blank: its caption, labels, rules and "Total", no figure
                # anywhere, over the first row; no headings typed again: the body's, it opens there.)
                i = _captions_top(lines, i, label_end)
                captions_start, headings, separators, below = i + 1, [], [], lines[i + 1].number
                continue
            break  # (the page before: headings typed again over the rows on this one)
        if ln.kind in ("rule", "markers"):
            separators.insert(0, ln)
        elif not headings and not separators and _units_under_separators(lines, i):
            pass  # (the units, left in the preamble where the title block's units are read)
        elif ln.kind == "text" and (not is_title_or_units(ln) or _units_in_headings(lines, i)) and not (
                headings and _is_subtitle(ln, below)):
            headings.insert(0, ln)
        else:
            break
        below, i = ln.number, i - 1
    return HeadingBlock(headings, separators, captions_start)


def _years_under_their_days(lines: Sequence[Line], i: int, label_end: int) -> bool:
    """Line i opens on a year alone right under a date's day and comma on the line above ("31,"
    over "2004   expenses   Deductions   2005") and runs on over the figures: the foot of a heading
    stack whose balances print their dates (no rule under it), never a period's caption."""
    parts = chunks(lines[i].words)
    if i == 0 or len(parts) < 2 or lines[i - 1].number != lines[i].number - 1 or parts[-1][-1].end <= label_end:
        return False
    first = parts[0]
    if len(first) != 1 or BARE_YEAR.match(first[0].text) is None:
        return False
    above = lines[i - 1]
    return any(DATE_BEFORE_ITS_YEAR.fullmatch(w.text) and w.column < first[0].end and first[0].column < w.end
               for w in above.words)


def _page_foot(lines: Sequence[Line], i: int, label_end: int) -> bool:
    """Line i ends the page above a table's headings typed again: a page
    number ("S-2"), or the first block's captions ("2011", "Year ended March
    31, 2017" over "Reserves deducted from assets:") under the first page's
    rule or <S>/<C> line, their rows on the next page.  Neither is a heading:
    a caption under a separator is the body's."""
    if PAGE_NUMBER.search(text(lines[i].words)):
        return True
    dated = False  # (a label's heading stacked a word a line under a spanning rule names no year)
    while i >= 0 and lines[i].kind == "text" and len(chunks(lines[i].words)) == 1 and is_caption(lines[i], label_end) \
            and not is_title_or_units(lines[i]):
        dated = dated or _dated_period(text(lines[i].words))
        i -= 1
    return dated and i >= 0 and lines[i].kind in ("rule", "markers")


def _captions_top(lines: Sequence[Line], i: int, label_end: int) -> int:
    """The line above the run of captions ending at line i (as `_page_foot` walks them)."""
    while i >= 0 and lines[i].kind == "text" and len(chunks(lines[i].words)) == 1 and is_caption(lines[i], label_end) \
            and not is_title_or_units(lines[i]):
        i -= 1
    return i


def _units_under_separators(lines: Sequence[Line], i: int) -> bool:
    """A units line typed between the headings' rule or <S>/<C> line and the
    body ("(000's omitted)", "(Amounts in thousands)"): the table's units, no
    end of its headings, which are above the rule."""
    words = text(lines[i].words)
    return lines[i].kind == "text" and i > 0 and lines[i - 1].kind in ("rule", "markers") \
        and bool(UNITS.search(words)) and not TITLE.search(words) and is_title_or_units(lines[i])


def _units_under_caption(lines: Sequence[Line], i: int, label_end: int) -> bool:
    return i > 0 and units_under_caption(lines[i], lines[i - 1], label_end)


def units_under_ruled_caption(lines: Sequence[Line], i: int, label_end: int) -> bool:
    """A units phrase right under the rule a period's or group's caption is ruled off with
    ("Reserves deducted from asset accounts:" / "-----" / "(000's omitted)"), wherever it is
    set: the body's too."""
    if not (i > 1 and lines[i - 1].kind == "rule" and lines[i - 1].number == lines[i].number - 1):
        return False
    words = text(lines[i].words)
    return lines[i].kind == "text" and bool(UNITS.search(words)) and not TITLE.search(words) \
        and _rules_off_period(lines, i - 1, label_end)


def units_under_caption(line: Line, above: Line, label_end: int) -> bool:
    """A units phrase on the line right under an account's caption ("Allowance
    for doubtful accounts:" over "(Dollars in thousands)"), where a schedule of
    one reserve states its units: part of the body's captions, not the title
    block's units line (the table's headings are above it)."""
    words = text(line.words)
    return line.kind == "text" and bool(UNITS.search(words)) and not TITLE.search(words) \
        and above.kind == "text" and above.number == line.number - 1 and is_caption(above, label_end) \
        and not is_title_or_units(above) and names_account(above)


def names_account(line: Line) -> bool:
    return _names_account(text(line.words))


def _names_account(words: str) -> bool:
    """A caption naming an account: its reserve's words, the asset it is
    deducted from, or a caption's ":" ("Accounts and notes receivable:")."""
    return words.rstrip().endswith(":") or bool(ACCOUNT_WORD.search(words) or RESERVED_ASSET.search(words))


def _units_in_headings(lines: Sequence[Line], i: int) -> bool:
    """A units phrase printed in the column headings, under each heading's
    words ("Allowance for doubtful accounts" over "(in thousands)", column by
    column; or under a schedule's one account, over its one figure column):
    part of those headings (the units are read from the headings too), not
    the title block's units line, which ends the headings."""
    ln = lines[i]
    above = lines[i - 1] if i else None
    if above is None or above.kind != "text" or above.number != ln.number - 1 or is_title_or_units(above):
        return False
    over = chunks(above.words)
    under = chunks(ln.words)
    if len(under) >= 2 and over and under[0][-1].end <= over[0][0].column:
        under = under[1:]  # (the label column's heading, "(In thousands)", left of every column's words)
    one_column = len(over) == len(under) == 1 and _one_account_heading(lines, i)
    return (len(over) >= 2 or len(under) >= 2 or one_column) and not is_period(text(above.words)) \
        and not TITLE.search(text(ln.words)) \
        and all(any(c[0].column < o[-1].end and o[0].column < c[-1].end for o in over) for c in under)


def _one_account_heading(lines: Sequence[Line], i: int) -> bool:
    """The units line under the heading of a schedule's one account column:
    it and the heading's lines set in from the margin (where the labels'
    captions begin), the heading naming an account ("ALLOWANCE FOR" over
    "DOUBTFUL ACCOUNTS" over "(in thousands)").  A company's name over the
    title block's units names none."""
    heading: list[Line] = []
    at = i - 1
    while at >= 0 and len(heading) < 5 and lines[at].kind == "text" and lines[at].number == lines[at + 1].number - 1 \
            and len(chunks(lines[at].words)) == 1 and not is_title_or_units(lines[at]):
        heading.append(lines[at])
        at -= 1
    margin = min((ln.words[0].column for ln in lines if ln.kind == "row" and ln.words), default=1)
    return bool(heading) and all(ln.words[0].column > margin for ln in heading + [lines[i]]) \
        and any(names_account(ln) for ln in heading)


def _underlines_caption(lines: Sequence[Line], i: int, label_end: int) -> bool:
    """A rule in the label area only, right under a caption ("Allowance for
    losses on:" over "------------------------"): the caption's underline, in
    the body, not a rule under the headings."""
    ln = lines[i]
    if ln.kind != "rule" or i == 0 or len(ln.marks) != 1:
        return False
    above, (rule,) = lines[i - 1], ln.marks
    return (above.kind == "text" and above.number == ln.number - 1 and is_caption(above, label_end)
            and rule.column < label_end and abs(rule.column - above.words[0].column) <= 2
            and rule.end <= above.words[-1].end + 2)


def _rules_off_period(lines: Sequence[Line], i: int, label_end: int) -> bool:
    """A rule right under a period's caption ("YEAR ENDED JUNE 30, 2011" over
    "---------  ----------"), as filers rule off each year or a total printed
    above its rows: the body's furniture, not a rule under the headings (a
    caption dated so is no heading line).  Rules stacked there (the year's, then a
    total's over the total printed first) are that furniture too; so is the rule a
    blank line under the caption, the table double spaced, and the rule under a
    group's caption ("Reserves deducted from asset accounts:", undated, its colon
    saying rows follow: no heading ends so) under the period's or opening the body.
    A group's caption with no colon ("Reserves deducted from assets") is that
    caption too where it names an account or a place in the balance sheet and the
    headings were already closed by a rule above it (past the period's caption):
    a heading line over the headings' rule has no rule of the headings above it."""
    if lines[i].kind != "rule":
        return False
    while i > 0 and lines[i - 1].kind == "rule" and lines[i - 1].number == lines[i].number - 1:
        i -= 1
    above = lines[i - 1] if i > 0 else None
    return (above is not None and above.kind == "text"
            and lines[i].number - above.number <= 2 and len(chunks(above.words)) == 1
            and is_caption(above, label_end) and not is_title_or_units(above)
            and (_dated_period(words := text(above.words)) or words.endswith(":")
                 or _bare_group_caption(lines, i - 1, words, label_end)))


def _bare_group_caption(lines: Sequence[Line], i: int, words: str, label_end: int) -> bool:
    """Line i (`words`), a caption with no colon over a rule, is a group's or an
    account's caption in the body: it names an account or where reserves are
    shown, and a rule or <S>/<C> line is above it, past the captions (the
    period's, dated) between: the headings' rule, the headings closed."""
    if not (names_account(lines[i]) or GROUP_WORDS.search(words)):
        return False
    i -= 1
    while i >= 0 and lines[i].kind == "text" and len(chunks(lines[i].words)) == 1 \
            and is_caption(lines[i], label_end) and _dated_period(text(lines[i].words)):
        i -= 1
    return i >= 0 and lines[i].kind in ("rule", "markers")


def _is_subtitle(line: Line, below: int) -> bool:
    """The years a schedule covers, set apart above its headings by a blank
    line ("Years Ended September 30, 1996, 1995 and 1994"): no heading."""
    return below - line.number >= 2 and len(chunks(line.words)) == 1 and is_period(text(line.words))


def is_title_or_units(line: Line) -> bool:
    """A title ("Schedule II", "Valuation and qualifying accounts") or a
    units statement: the title block's vocabulary, locate's and the HTML
    front end's too, not a shape of line the grammar could tell."""
    words = text(line.words)
    # (A short account caption with its units, "Bad debt allowance (in millions):", is a caption.)
    return bool(TITLE.search(words) and len(chunks(line.words)) <= 2
                or (UNITS.search(words) and len(line.words) <= 5 and not _names_account(UNITS.sub("", words))))


def is_caption(line: Line, label_end: int) -> bool:
    """A period or group caption: text in the label area, or one phrase starting there
    that runs on over the figures ("Reserves deducted from asset accounts:"), or a
    period naming its year before it ("YEAR ENDED NOVEMBER 30, 2006   Reserves ...").
    (A label column's heading over the column headings' last lines, "Year Ended" over
    "December 31,", names no year: untagged, no <S> line parts it from the captions.)"""
    parts = chunks(line.words)
    if not any(t.end > label_end for t in line.words):
        return True
    if parts[0][0].column >= label_end:
        return False
    if len(parts) == 1:
        return True
    # A line of dates and nothing else ("December 31, 2001   December 31, 2000"): the
    # figure columns' periods, the last line of their headings (a label running long
    # under them set the label area past the first), not one period's caption.
    return _dated_period(chunk_text(parts[0])) and not all(_dated_period(chunk_text(part)) for part in parts[1:])


def _dated_period(words: str) -> bool:
    # (its year printed in four digits, or two: "3/31/17", "Dec. 31, '03"; or named by its place, "PRIOR YEAR")
    return is_period(words) and names_a_year(words) or YEAR_BY_PLACE.match(words) is not None


def column_starts(separators: Sequence[Line], rows: Sequence[Line], label_end: int,
                  headings: Sequence[Line] = ()) -> list[int]:
    """Start column of each figure column's span, left to right."""
    for sep in separators:
        if sep.kind == "markers":
            starts = [m.column for m in sep.marks if m.text.upper() == "<C>"]
            # A <C> whose span ends before any figure starts marks a text
            # column: the description typed after an <S> column of years
            # (a span no row types a word in is a figure column left blank).
            starts = [c for c, after in zip(starts, starts[1:] + [None])
                      if after is None or after > label_end or not _words_within(rows, c, after)]
            if starts:
                return _without_dollar_columns(starts, rows)
    # The dashed rule with the most segments over the figures (a rule under
    # a spanning "ADDITIONS" heading has fewer).
    best = max((figure_runs(sep, headings, label_end) for sep in separators), key=len, default=[])
    if len(best) >= 2:
        return [m.column for m in _blank_runs_before(separators, best, rows, headings) + best]
    aligned = _aligned_starts(rows, label_end)
    ruled = _ruled_apart(separators, label_end) if len(aligned) == 1 else None
    return [ruled] if ruled is not None else aligned


# The most a "$" column's <C> stands left of its figures' <C> ("<C> <C>", "<C>  <C>").
DOLLAR_COLUMN = 6


def _without_dollar_columns(starts: list[int], rows: Sequence[Line]) -> list[int]:
    """The <C> starts less those of a column of "$" signs alone (a typist's "$" column, its own
    <C> just left of its figures'): its "$" the figures' on its right, not a column of its own.
    (So too where the "$" were left out: a column too narrow for a heading's word, no figure in it.)"""
    if all(b - a > DOLLAR_COLUMN for a, b in zip(starts, starts[1:])):
        return starts  # (most tables: no two <C> so close)
    # (The column on the right starts at the "$" column's <C>: a figure reaching left past its own
    # <C>, a nil right-aligned with its marker, is still its column's.)
    figures_marks: set[int] = set()
    for c, after in zip(starts, starts[1:]):
        if c not in figures_marks and after - c <= DOLLAR_COLUMN and not _figure_within(rows, c, after):
            figures_marks.add(after)
    return [c for c in starts if c not in figures_marks]


def _figure_within(rows: Sequence[Line], start: int, end: int) -> bool:
    """Whether a figure (an amount or a nil; a "$" is none) is printed within columns start..end
    (not one of the column's on the right reaching left into it: "(1,204)", a wider figure, or a
    nil right-aligned with its marker, "$  — (1)", the marker past the figures' <C>)."""
    return any(start <= f.value.column and (f.notes[-1] if f.notes else f.value).end <= end
               for r in rows for f in r.figures)


def _blank_runs_before(separators: Sequence[Line], best: Sequence[Token], rows: Sequence[Line],
                       headings: Sequence[Line]) -> list[Token]:
    """The runs of the same rule between the labels' run and the first over
    the figures that rule a column no row prints in: right of every row's
    label, a heading over it ("CHARGED TO OTHER ACCOUNTS" left blank in every
    row, first of the columns typed under the labels again)."""
    sep = next(sep for sep in separators if best[0] in sep.marks)
    labels_end = max((w.end for r in rows for w in r.words), default=0)
    before = [m for m in sep.marks[1:] if labels_end < m.column and m.end <= best[0].column]
    return [m for m in before if sep.marks[0].column < m.column and any(
        c[0].column < m.end and m.column < c[-1].end for ln in headings for c in chunks(ln.words))]


def _words_within(rows: Sequence[Line], start: int, end: int) -> bool:
    """Whether a row types a word of its label within columns start..end."""
    return any(start <= w.column < end for r in rows for w in r.words)


def figure_runs(sep: Line, headings: Sequence[Line], label_end: int) -> list[Token]:
    """The runs of a rule line that rule figure columns: those reaching over
    the figures, and a run typed narrower than its heading, centred under
    its words, where those words reach over the figures ("BALANCE AT
    BEGINNING OF PERIOD" over "----------", its figures flush with the
    heading's end, right of the run)."""
    return [m for m in sep.marks if m.end > label_end or _underlines_over_figures(m, headings, label_end)]


def _underlines_over_figures(run: Token, headings: Sequence[Line], label_end: int) -> bool:
    middle = (run.column + run.end) // 2
    return any(c[0].column <= run.column and run.end <= c[-1].end and c[0].column <= middle < c[-1].end
               and c[-1].end > label_end for ln in headings if 0 < run.line - ln.number <= 2 for c in chunks(ln.words))


def _ruled_apart(separators: Sequence[Line], label_end: int) -> Optional[int]:
    """The start of a table's one figure column where a rule line rules it apart
    from the labels ("-------------   -----------"): its heading spans the whole
    rule, wider than its figures (a narrow figure under "Allowance for")."""
    for sep in separators:
        if sep.kind == "rule" and len(sep.marks) == 2 and sep.marks[1].end > label_end >= sep.marks[0].end:
            return sep.marks[1].column
    return None


def _aligned_starts(rows: Sequence[Line], label_end: int) -> list[int]:
    """Spans from the figures themselves: figures (with their footnote markers)
    that overlap across rows form a column; the gaps between them part columns.
    A typist's figures stand a character or two off their column: a row's two
    figures are never one column's, and neighbouring runs no row prints in both,
    flush within a few characters, are one column's."""
    extents: list[_Extent] = []
    for n, r in enumerate(rows):
        for i, f in enumerate(r.figures):
            if i and marks_figure(r.figures[i - 1].value.end, f):
                extents[-1] = extents[-1]._replace(hi=f.value.end)  # a figure's "(2)": part of its extent
            else:
                extents.append(_Extent(f.value.column, (f.notes[-1] if f.notes else f.value).end, n, f.value.anchor))
    extents.sort()
    spans: list[list[_Extent]] = []
    for e in extents:
        if spans and e.lo < max(x.hi for x in spans[-1]):
            spans[-1].append(e)
        else:
            spans.append([e])
    spans = _joined(part for span in spans for part in _parted(span))
    if len(spans) > max(len(r.figures) for r in rows):
        # More columns than any row prints figures: a column whose figures
        # stand a few characters either side of it, split in two.  Joined
        # looser, as far as a figure may stand off (aligned.SLACK each way).
        spans = _joined(spans, gap=SLACK, flush=2 * SLACK)
    if len(spans) > max(len(r.figures) for r in rows):
        # Still too many: a column typed off both ways, its figures 2 * SLACK apart less their width.
        spans = _closest_joined(spans, max(len(r.figures) for r in rows))
    starts, left = [], label_end
    for span in spans:
        starts.append(min(left, min(e.lo for e in span)))
        left = max(e.hi for e in span) + 1
    return starts


class _Extent(NamedTuple):
    lo: int
    hi: int  # one past the last character, its footnote marker's
    row: int  # index of its row
    edge: int  # the figure's last digit: what figures are set flush on


def _parted(span: list[_Extent]) -> list[list[_Extent]]:
    """A run of overlapping figures holding two of one row: two columns, parted
    at the widest gap between the figures' right edges (figures are set flush right)."""
    if len({e.row for e in span}) == len(span):
        return [span]
    edges = sorted({e.edge for e in span})
    if len(edges) < 2:
        return [span]
    _, cut = max((b - a, b) for a, b in zip(edges, edges[1:]))
    left, right = [e for e in span if e.edge < cut], [e for e in span if e.edge >= cut]
    return _parted(left) + _parted(right)


def _joined(spans: Iterable[list[_Extent]], gap: int = 2, flush: int = 4) -> list[list[_Extent]]:
    """Neighbouring runs of one column: no row prints in both, at most `gap`
    characters apart, their right edges within `flush`."""
    out: list[list[_Extent]] = []
    for span in spans:
        if out:
            last = out[-1]
            apart = min(e.lo for e in span) - max(e.hi for e in last)
            near = abs(max(e.edge for e in span) - max(e.edge for e in last)) <= flush
            if apart <= gap and near and not {e.row for e in span} & {e.row for e in last}:
                last.extend(span)
                continue
        out.append(span)
    return out


def _closest_joined(spans: list[list[_Extent]], columns: int) -> list[list[_Extent]]:
    """Neighbouring runs of one column joined, those whose right edges are
    nearest first, until no more runs than `columns` are left: runs no row
    prints in both, at most 2 * SLACK apart at their edges (figures typed
    SLACK characters off either way)."""
    spans = [list(s) for s in spans]
    while len(spans) > columns:
        pairs = [(abs(max(e.edge for e in b) - max(e.edge for e in a)), i)
                 for i, (a, b) in enumerate(zip(spans, spans[1:]))
                 if not {e.row for e in a} & {e.row for e in b}
                 and min(e.lo for e in b) - max(e.hi for e in a) <= 2 * SLACK]
        near = [p for p in pairs if p[0] <= 2 * SLACK]
        if not near:
            break
        _, i = min(near)
        spans[i:i + 2] = [spans[i] + spans[i + 1]]
    return spans


RULE_TEXT = re.compile(r"^[-=_]{3,}$")


def spanning_rules(headings: Sequence[Line], separators: Sequence[Line], starts: Sequence[int]) -> list[Spanning]:
    """Dashed runs that stretch over two or more columns: the rule under a
    spanning heading ("ADDITIONS" over "-------------").  A run from the
    label column on is the frame of the whole table, ruled above and below a
    row of column letters: it spans no heading."""
    runs = [Spanning(ln.number, t.column, t.end) for ln in headings for t in ln.words if RULE_TEXT.match(t.text)]
    runs += [Spanning(ln.number, m.column, m.end) for ln in separators if ln.kind == "rule" for m in ln.marks]
    return [r for r in runs if r.start >= starts[0] - 2 and sum(1 for s in starts[1:] if r.start < s < r.end - 1) >= 1]


def heading_extents(separators: Sequence[Line], starts: Sequence[int], label_end: int,
                    headings: Sequence[Line] = ()) -> list[tuple[int, int]]:
    """(start, end) of each column's heading: the runs of the rule under the
    headings, where it has one run per column.  <S>/<C> markers and figures
    stand at the right of a column, its heading text further left
    ("Charged" over "to Other" starts left of its <C>): the rule under it says
    where it is.  Otherwise the column's span."""
    for sep in reversed(separators):
        runs = figure_runs(sep, headings, label_end) if sep.kind == "rule" else []
        if len(runs) == len(starts):
            return [(m.column, m.end) for m in runs]
    return list(zip(starts, [*starts[1:], FAR]))


def columns(headings: Sequence[Line], starts: Sequence[int], spanning: Sequence[Spanning],
            extents: Sequence[tuple[int, int]]) -> list[Column]:
    """Each figure column with its heading: the heading phrases over it."""
    parts: list[list[str]] = [[] for _ in starts]
    tops: list[Optional[int]] = [None for _ in starts]  # (the line each heading starts on: where it is named)
    bounds = [*starts[1:], FAR]
    for line in headings:
        phrases = chunks([w for w in line.words if not RULE_TEXT.match(w.text)])
        unders = [_rule_under(line.number, c[0].column, c[-1].end, spanning) for c in phrases]
        for chunk, under in zip(phrases, unders):
            lo, hi = chunk[0].column, chunk[-1].end
            if hi <= starts[0]:
                continue  # the label column's heading
            if under is not None and unders.count(under) > 1:
                # (Two phrases over one run, "ADDITIONS" and "DEDUCTIONS" over a rule typed
                # unbroken under both: the run is neither's span; each heads what it stands over.)
                under = None
            if under is not None:
                # A heading centred over a rule that spans columns heads each of them.
                lo, hi = under
                spanned = [k for k, (s, b) in enumerate(extents)
                           if min(hi, b) - max(lo, s) >= 0.4 * (min(b, s + 20) - s)]
                for k in spanned:
                    parts[k].append(chunk_text(chunk))
                    tops[k] = tops[k] or line.number
                continue
            overlaps = [max(0, min(hi, b) - max(lo, s)) for s, b in extents]
            if not any(overlaps):  # between two columns' rules: by the columns' spans
                overlaps = [max(0, min(hi, b) - max(lo, s)) for s, b in zip(starts, bounds)]
            best = max(range(len(starts)), key=lambda k: overlaps[k])
            spanned = [k for k, o in enumerate(overlaps) if o and (o >= 3 or k == best)]
            # A heading over several columns ("ADDITIONS") heads each of them.
            for k in spanned if len(spanned) > 1 and _spans(chunk, spanned, extents) else [best]:
                parts[k].append(chunk_text(chunk))
                tops[k] = tops[k] or line.number
    return [
        Column(heading=" ".join(p), role=None, start=s, end=b if b < FAR else s + 40, heading_line=top)
        for p, s, b, top in zip(parts, starts, bounds, tops)
    ]


def _rule_under(number: int, lo: int, hi: int, spanning: Sequence[Spanning]) -> Optional[tuple[int, int]]:
    """The extent of a spanning rule on the next line or two below a heading chunk, under its middle."""
    middle = (lo + hi) // 2
    for n, rlo, rhi in spanning:
        if 0 < n - number <= 2 and rlo <= middle < rhi:
            return rlo, rhi
    return None


def _spans(chunk: Chunk, spanned: Sequence[int], extents: Sequence[tuple[int, int]]) -> bool:
    """True when a chunk stretches over most of two or more columns."""
    lo, hi = chunk[0].column, chunk[-1].end
    covered = [min(hi, extents[k][1]) - max(lo, extents[k][0]) for k in spanned]
    widths = [min(extents[k][1], extents[k][0] + 20) - extents[k][0] for k in spanned]
    return sum(1 for c, w in zip(covered, widths) if c >= w * 0.4) >= 2
