"""Whether the file shows it ends before the schedule does.

A file cut between two complete periods (or two of a schedule's tables)
leaves no trace in the schedule (a period left short of its total:
`cut_short`); the file shows it instead
(`refuse_cut_off`) where it ends inside a table it opened (`<TABLE>` of
EDGAR text, `<table>` or `<pre>` of HTML: `containers`); where, after the schedule's
last row, it ends on something that announces more rows (a caption, a
"Schedule II (continued)" title with no figures under it, column headings
ruled off, EDGAR's <PAGE> or the next page's running head, a row's label
the schedule prints, a row's first line where rows fold their last figures
onto the line below); where it ends on a row printing nothing in the column every other
row folds onto the line below, or on rows with no caption under them where captions are
printed under their rows; where it ends inside a document it opened
(`<html>`, EDGAR's `<DOCUMENT>` and `<TEXT>`) with no prose after the last
row (its notes, and a table a note introduces, are none); or where it cuts
through its last line (no line break after it: a download stopped mid-line)
right after the last row (a rule cut short of the table's), or through the last row itself
(in the gap after a figure of a row that then does not close, in the blanks under a row
whose folded balance they lost, or right at a figure's end of a wrapped row printing fewer figures than the
others, or a rest's opening marker alone); or where it ends on a total with no row under it, the table's
totals heading their blocks, or in a block short of the total above it.  A text table cut outside any markup right after a complete period
shows nothing in the file but that it ends there, as many whole exhibits
do: the schedule is marked (`Reading.ends_file`), and the rules say what may
be missing where its periods are fewer than a 10-K shows (VQ008).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Iterator, Optional, Sequence

from auditor import scan
from auditor.errors import InputError
from auditor.labels import (ACCOUNT_WORD, BARE_YEAR, CONTINUED_ALONE, GROUP_CAPTION, NEGATIVE_AFTER, RESERVED_ASSET,
                            SCHEDULE_MOVEMENT, SENTENCE, SLASH_MARK, STANDARD_CITED, TITLE, TOTAL, is_period, is_rule_line,
                            row_key, rule_letters_in)
from auditor.lazy_pattern import lazy_compile
from auditor.model import Cell, Row, Schedule, TotalReading
from auditor.reading.containers import DOCUMENTS, TABLES, Container, cut_off, unclosed
from auditor.reading.totals import exceeds, sums_mostly
from auditor.source import Source


# Prose: a word of three letters; page numbers ("S-2") and entities are not.  A tag the text
# ends inside is markup too (a download stopped mid-tag: "<b>Total:</b" ends on a caption).
MARKUP = re.compile(r"<[^<>]*(?:>|\Z)|&#?\w+;")
WORD = re.compile(r"[A-Za-z]{3}")


def refuse_cut_off(src: Source, schedules: Sequence[Schedule]) -> list[Schedule]:
    """An input error where the file shows it ends before the schedule does:
    inside a table it opened; after the last row, on a caption, a
    "(continued)" or column headings with no rows under them; or inside a
    document it opened, with no prose after the last row.  Otherwise the
    schedules, the one whose last row the file ends at marked (`ends_file`)."""
    rows = _rows_lines(src, schedules)
    if not rows:
        return list(schedules)
    text = src.joined()
    opened = unclosed(text, src) if "<" in text else {}
    for kind in TABLES:
        if kind in opened:
            raise cut_off(src, kind, opened[kind], "inside a table")
    first, last = min(rows), max(rows)
    tables = [s for s in schedules if s.source == "table"]
    after, whole, end = _tail(src, tables, last)
    marks = _marks(tables)
    ending = _ending_refused(src, after, whole, end, tables, marks, first, last)
    _refuse_line_cut(src, after, whole, end, tables, marks, first, last)
    _refuse_document_cut(src, opened, ending, after, whole, marks)
    if ending == "prose" and whole and (_table_notes_only(after, tables, _notes_between_rows(src, first, last))
                                        or _reserve_alone(after)):
        # (the last row's label run on, the table's footnotes, a reserve's label alone with no figure, as the
        # last reserve of a whole table's last year may print it, or a cut one: the table is what the file ends on)
        ending = "nothing"
    if ending != "nothing" or _closes_document(after) or _closes_document(src.lines[last - 1]):
        return list(schedules)  # (HTML may close its document on the last row's own line)
    fold = _row_cut(tables, last) if src.cut_in_blanks else None
    if fold is not None:
        # (the line under the row begun, its indent typed: the balance at end the row folds below it lost)
        raise _ends_cut(src, f"on a line of blanks under the row {fold!r}, no figure in its last column, with no line "
                             "break after it")
    _refuse_rows_lost(src, tables, last)
    return [_ends_file(s) if any(_row_end(r) == last for p in s.periods for r in p.rows) else s for s in schedules]


def facts_cut_off(src: Source) -> InputError | None:
    """The input error of an inline XBRL document (`src`, whose facts are read) that ends inside the
    <html> it opened: XHTML, a whole one closes it, so the download stopped; its facts are cut as
    its table is (read, the facts that are there claimed balances a cut left unmatched).  Only the
    <html> holding the facts: an EDGAR submission's later exhibit may leave its own open."""
    text = src.joined()
    # (An inline XBRL document is HTML: its containers' tags are found in the pass that finds the HTML
    # locator's words after, scan.HTML_WORDS, the document lowered once: a pass of their own cost 4.7 M
    # instructions of ibm-2023's check.)
    src.word_starts(scan.HTML_WORDS)
    opened = unclosed(text, src).get("html")
    if opened is None or opened > text.rfind("<ix:"):
        return None
    return cut_off(src, "html", opened, "inside an inline XBRL document")


def _tail(src: Source, tables: Sequence[Schedule], last: int) -> tuple[str, bool, str]:
    """How the file ends after the last row (`Source.ends`: laid out, as the rows were read): from the
    line after the row's, or from its last figure where its line goes on past the table into blocks of
    its own (HTML written on a few long lines: an inline XBRL 10-K on one), HTML's blocks laid out as
    lines (`_blocks_as_lines`), so that one rule reads a tail however its source lines are cut.  The
    head is laid out only where it is all that follows (`whole`): else its readers read the file's end,
    and of the head only whether it closes a document (`_closes_document`), which a layout, a line break
    before a block's tag, leaves as it is (an inline XBRL 10-K's 64 KB after its schedule, goog's)."""
    column = _line_goes_on(src, tables, last)
    after, whole, end = src.ends(last - 1, HEAD, TAIL, column) if column else src.ends(last, HEAD, TAIL)
    return _blocks_as_lines(after) if whole else after, whole, _blocks_as_lines(end)


def _line_goes_on(src: Source, tables: Sequence[Schedule], last: int) -> int | None:
    """The column (of the line as typed) right after the last row's last figure on its line `last`,
    where the line goes on past it into a block the table's row is not (a paragraph, a page's break,
    the next row: `BLOCK_TAG`)."""
    ends = [c.end_column for s in tables for p in s.periods for r in p.rows if _row_end(r) == last
            for c in r.cells if c is not None and c.line == last]
    if not ends:
        return None
    column = src.original_column(last, max(ends))
    at, stop = src.lines.offset(last - 1) + column - 1, src.lines.offset(last) - 1
    return column if BLOCK_TAG.search(src.joined(), at, min(stop, at + HEAD)) else None


# A tag opening a block of HTML (a paragraph, a division, a line break or rule, a table or its row, a
# heading, a list's item): where a browser sets what follows on a line of its own.
BLOCK_TAG = lazy_compile(r"<(?:p|div|br|hr|table|tr|h[1-6]|li)\b", re.IGNORECASE)
# In a table, its rows' alone open a line (a cell's paragraphs and line breaks, "Balance<br>at<br>End",
# are its row's line).
ROW_TAG = lazy_compile(r"<(?:table|tr)\b", re.IGNORECASE)
TABLE_OPENED, TABLE_CLOSED = lazy_compile(r"<table\b", re.IGNORECASE), lazy_compile(r"</table\s*>", re.IGNORECASE)


def _blocks_as_lines(text: str) -> str:
    """HTML's text with each block that shares its source line with what is printed before it set on
    a line of its own, as HTML written a block a line is (a table's rows, each a line): the tail's
    readers read lines.  `text` may open inside a table (the rest of the schedule's: "</tr></table>")."""
    if "<" not in text:
        return text
    pieces, at = [], 0
    while at < len(text):
        opened, closed = TABLE_OPENED.search(text, at), TABLE_CLOSED.search(text, at)
        if closed is not None and (opened is None or closed.start() < opened.start()):  # (inside a table)
            pieces.append(_laid(ROW_TAG, text, at, closed.end()))
            at = closed.end()
            continue
        stop = opened.start() if opened is not None else len(text)
        pieces.append(_laid(BLOCK_TAG, text, at, stop))
        if opened is None:
            break
        closed = TABLE_CLOSED.search(text, opened.end())
        pieces.append(_laid(ROW_TAG, text, stop, closed.end() if closed is not None else len(text)))
        at = closed.end() if closed is not None else len(text)
    return "".join(pieces)


def _laid(tag: re.Pattern[str], text: str, start: int, stop: int) -> str:
    """text[start:stop] with each `tag` that has something printed before it on its source line (a
    line's indent is no print; that may lie before `start`) set on a line of its own, the blanks
    before it dropped.  (Found tag first: a pattern opening on "<" is searched for fast, where one
    looking back at every character cost the seed's check 1.2 M instructions.)"""
    pieces, at = [], start
    for found in tag.finditer(text, start, stop):
        cut = found.start()
        while cut > start and text[cut - 1] in " \t":
            cut -= 1
        if cut and not text[cut - 1].isspace():
            pieces += [text[at:cut], "\n"]
            at = found.start()
    pieces.append(text[at:stop])
    return "".join(pieces)


def _rows_lines(src: Source, schedules: Sequence[Schedule]) -> list[int]:
    """The lines the tables' rows end on, and their periods' captions' (a period captioned under
    its rows, "Year ended ..." as a footer, ends where its caption does), each within the file."""
    rows = [_row_end(r) for s in schedules if s.source == "table" for p in s.periods for r in p.rows]
    if not rows:
        return rows
    rows += [p.line for s in schedules if s.source == "table" for p in s.periods]
    if max(rows) > len(src.lines):
        # (A line past the file's end, an uncaptioned period's placed after its table, says
        # nothing of where the table ends: its rows do, or else the file's last line.)
        rows = [line for line in rows if line <= len(src.lines)] or [len(src.lines)]
    return rows


def _ending_refused(src: Source, after: str, whole: bool, end: str, tables: Sequence[Schedule],
                    marks: frozenset[str], first: int, last: int) -> str:
    """What the file ends on after the last row (`_ending`: "prose" or "nothing"), where the prose
    that follows, all there is, opens no rows that are not there (`_rows_announced`); an input error
    where the file ends on what announces rows."""
    ending = _ending(after, whole, end, marks)
    if ending == "prose" and whole:
        ending = _rows_announced(src, after, tables, first, last) or ending
    if ending not in ("prose", "nothing"):
        raise _ends_cut(src, f"on {ending!r} after the schedule's last row, with nothing under it")
    return ending


def _ends_cut(src: Source, how: str) -> InputError:
    """The input error of a file that ends `how` ("on 'Year ended ...' after the schedule's last row, ..."),
    its schedule's rows perhaps lost to a cut."""
    return InputError(f"the file ends {how}: is it cut off? (rows of the schedule may be missing)", src.path,
                      len(src.lines))


def _refuse_document_cut(src: Source, opened: dict[Container, int], ending: str, after: str, whole: bool,
                         marks: frozenset[str]) -> None:
    """An input error where the file ends inside a document it opened (`opened`: each kind's line)
    right after the schedule: nothing after the last row, or only a group's caption, the table's
    footnotes or a line or two (the page cut under them)."""
    for kind in DOCUMENTS:
        if kind in opened and (ending == "nothing" or whole and (_account_caption_last(after)
                                                                 or _notes_only(after, marks) or _few_lines_only(after))):
            raise cut_off(src, kind, opened[kind], "right after the schedule")


def _refuse_line_cut(src: Source, after: str, whole: bool, end: str, tables: Sequence[Schedule],
                     marks: frozenset[str], first: int, last: int) -> None:
    """An input error where the file cuts through its last line (`Source.cut_through`: no line
    break after it) right after the schedule: the lines before it read as the file's end (a
    caption, headings typed again: `_ending_refused`), or what a page's foot prints (none, a
    group's caption, the table's footnotes, a line or two).  A download stopped there: the words
    cut are no prose ("SCHEDULE I" of the next page's "SCHEDULE II (continued)", a caption's
    "Year ended Decem", a row's "Claims reserve   1,980"), unless the line reads whole as a
    whole file's last line may, with no line break after it (`_reads_whole`)."""
    if not (whole and src.cut_through):
        return
    row = _row_cut(tables, last) if last == len(src.lines) else None
    if row is not None:
        raise _ends_cut(src, f"inside the row {row!r}, no figure in its last column, with no line break after it")
    cut_short = _closing_cut_short(src, tables)
    if cut_short is not None:
        raise _ends_cut(src, f"inside the row {cut_short[0]!r}, its balance at end reading {cut_short[1]!r}, the first "
                             f"digits of the {cut_short[2]} its figures make, with no line break after it")
    gap = _row_cut_in_gap(src, tables)
    if gap is not None:
        raise _ends_cut(src, f"in the gap after a figure of the row {gap!r}, which does not close, with no line break "
                             "after it")
    short = _wrapped_row_cut(src, tables)
    if short is not None:
        raise _ends_cut(src, f"right after a figure of the row {short!r}, wrapped onto the line, which prints fewer "
                             "figures than the table's other rows (its columns), or a note's marker alone on the "
                             "line, and does not close, with no line break after it")
    kept, _, cut = after.rpartition("\n")
    begun = _row_begun(cut, tables)
    if begun is not None:
        raise _ends_cut(src, f"inside the line {begun!r}, a row's label and fewer figures than its columns, with no "
                             "line break after it")
    short = _block_short(tables, last, told=False) if _phrase(cut) is not None and not _label_whole(cut, tables) else None
    if short is not None:
        # (the next row's label begun, its block's total above not summing the rows read: their last lost)
        raise _ends_cut(src, f"inside the line {' '.join(cut.split())!r}, {_block_short_said(short)}, with no line "
                             "break after it")
    if _reads_whole(cut) and not _rule_cut_short(src, cut) or _label_whole(cut, tables) or not _cut_shown(src, cut):
        return
    ending = _ending_refused(src, kept, whole, end.rpartition("\n")[0], tables, marks, first, last)
    if ending == "nothing" or _account_caption_last(kept) or _notes_only(kept, marks) or _few_lines_only(kept):
        line = " ".join(_prose(cut).split())
        raise _ends_cut(src, f"inside the line {line!r}, right after the schedule, with no line break after it")


def _row_begun(cut: str, schedules: Sequence[Schedule]) -> str | None:
    """The file's last line, cut through (no line break after it), where it is a row's start in a table
    printing its labels beside their figures: a label, then the gap before the figures and fewer figures
    than the columns, each in the columns' span ("Reserve for warranty costs          465"), the row's
    other figures lost to the cut (a row the reading takes is no line after the last row; a whole file's
    last line ends on a word, a sentence, a figure of a whole row)."""
    tables = [s for s in schedules if s.columns]
    line = cut.rstrip()
    figures = list(ROW_FIGURE.finditer(line))
    label = cut[: figures[0].start()] if figures else cut
    if not tables or _phrase(label) is None or not label.endswith("  "):
        return None
    first_column = min(s.columns[0].start for s in tables)
    if len(figures) >= min(len(s.columns) for s in tables) or figures and figures[0].start() + 1 < first_column - 1:
        return None
    return " ".join(line.split())


def _cut_shown(src: Source, cut: str) -> bool:
    """Whether the words a file's last line ends on show a cut, not a whole file's last line with no
    line break after it (an envelope's "-----END PRIVACY-ENHANCED MESSAGE-----", a signature, the next
    exhibit's title): a row's figures ("Claims reserve   1,980"), or the start of a longer line the
    schedule's pages print above (a title, caption or label printed again: "SCHEDULE I" of "SCHEDULE
    II", "Year ended Decem", a wrapped label's "ac")."""
    words = " ".join(_prose(cut).split()).casefold()
    if not words or FIGURES_CUT.search(words):
        return bool(words)
    # (the word the cut went through may be cut short of a mark the line above has not, "SCHEDULE II (":
    # the words before it, two or more, say it; one word alone, "EXHIBIT" of "EXHIBIT 23", says too little)
    head = words.rpartition(" ")[0]
    starts = (words, head) if " " in head else (words,)
    for line in _lines_above_cut(src):
        above = " ".join(_prose(line).split()).casefold()
        if any(_starts_longer(above, start) for start in starts):
            return True
    return False


def _lines_above_cut(src: Source) -> Iterator[str]:
    """The lines above a file's last (cut) line, nearest first, as far back as CUT_LOOK_BACK characters."""
    seen = 0
    for number in range(len(src.lines) - 2, -1, -1):
        line = src.lines[number]
        seen += len(line)
        if seen > CUT_LOOK_BACK:
            return
        yield line


def _starts_longer(line: str, words: str) -> bool:
    """Whether the words stand in the line at a word's start with more of the line after them."""
    at = line.find(words)
    while at >= 0:
        if (at == 0 or not line[at - 1].isalnum()) and at + len(words) < len(line):
            return True
        at = line.find(words, at + 1)
    return False


# A cut line's figures: one with a thousands separator, or two apart (a row's columns), or where the line
# ends the cut went through one: in its thousands ("1," or "1,14" of "1,142": no figure is printed so), or
# right after its dollar sign ("$   731  $": no whole line ends on one).
# (each run of digits tried from its start alone: tried from every digit of a long run, it is quadratic)
FIGURES_CUT = re.compile(r"\d{1,3}(?:,\d{3})+|(?<![\d,.])\d[\d,.]*\)?\s+\(?\$?\s*\d|\d,\d{0,2}$|\d\)?\s+\$$")
CUT_LOOK_BACK = 256_000  # characters above the cut line searched for its words' longer line (the schedule's pages)


def _row_cut(schedules: Sequence[Schedule], last: int) -> str | None:
    """The label of the row on the file's last line, cut through, where it prints no figure in its
    last column (its closing lost to the cut), unless its figures close on nil (a reserve closed)."""
    for s in schedules:
        for row in (r for p in s.periods for r in p.rows if _row_end(r) == last):
            if row.cells and row.cells[-1] is None and any(row.cells) and not _closes_on_nil(s, row):
                return row.label or "(a total, unlabelled)"
    return None


def _closing_cut_short(src: Source, schedules: Sequence[Schedule]) -> tuple[str, str, str] | None:
    """The row whose balance at end the file's last line ends inside, no blank after it (a download
    stopped in the figure: "1,953" cut to "1"), where the row does not close and the figure printed
    is the start of the one its opening and movements make, fewer digits of it ("1" of 1,953, "84"
    of 843): its label, the figure printed and the one made.  A whole figure that does not close
    ("1,935" of 1,953, a typo) shows no cut, nor does one with blanks after it: its row reads."""
    number = len(src.lines)
    end = len(src.lines[number - 1]) + 1
    for s in schedules:
        for row in (r for p in s.periods for r in p.rows if _row_end(r) == number):
            for column, cell in zip(s.columns, row.cells):
                if cell is None or cell.value is None or column.effect != "closing" or cell.end_column != end:
                    continue
                made = _balance_made(s, row)
                if made is None or abs(made) == abs(cell.value):
                    continue  # (a row that closes, "1.1" of 0.50 and 0.60's 1.10, is whole)
                printed, whole = _digits(cell.raw), _digits(format(abs(made), "f"))
                if len(printed) < len(whole) and whole.startswith(printed):
                    return row.label or "(a total, unlabelled)", cell.raw, f"{made:,}"
    return None


def _row_cut_in_gap(src: Source, schedules: Sequence[Schedule]) -> str | None:
    """The label of a row the file's last line ends in, cut in the blanks after a figure read there (the gap
    before the line's next figure, no line break after it), where the row does not close (`_row_short`).
    A whole file's last row, no line break after it, ends on its figure."""
    number = len(src.lines)
    line = src.lines[number - 1]
    end = len(line.rstrip()) + 1
    if end > len(line):
        return None  # (no blank after the line's last character)
    for s in schedules:
        rows = [r for p in s.periods for r in p.rows]
        if not any(c is not None and c.line == number and c.end_column == end for r in rows for c in r.cells):
            continue
        closings = {_first_line(r) for r in rows if r.cells and r.cells[-1] is not None and r.cells[-1].line == number}
        closings.discard(None)
        short = next((r for r in rows if _row_short(s, r, number, closings)), None)
        if short is not None:
            return short.label or "(a total, unlabelled)"
    return None


def _wrapped_row_cut(src: Source, schedules: Sequence[Schedule]) -> str | None:
    """The label of a row wrapped onto the file's last line (its figures read by their order, the last
    one read as its closing, off the closing's column) whose last figure, or that figure's note marker,
    the line ends on, no line break after it, where the row prints fewer figures than every other row of
    its table (than the columns, the table's only row), or the line holds a note's marker alone
    (`_marker_alone`), and does not close: the figures after it lost to a download stopped right at a
    figure's end.  A whole table's wrong last row prints them all."""
    number = len(src.lines)
    for s in schedules:
        rows = [r for p in s.periods for r in p.rows]
        for row in rows:
            closing = row.cells[-1] if row.cells else None
            if closing is None or closing.line != number or row.line == number or not s.columns \
                    or closing.end_column > s.columns[-1].start:
                continue
            rest = src.lines[number - 1][closing.end_column - 1:].strip()
            printed = sum(c is not None for c in row.cells)
            others = [sum(c is not None for c in r.cells) for r in rows if r is not row and not r.is_total]
            if rest and not HEADING_MARK.fullmatch(rest):
                continue
            if printed >= min(others, default=len(s.columns)) and not _marker_alone(src.lines[number - 1], closing):
                continue
            made = _balance_made(s, row)
            if made is not None and abs(made) != abs(closing.value or 0):
                return row.label or "(a total, unlabelled)"
    return None


def _marker_alone(line: str, closing: Cell) -> bool:
    """Whether the line holds only the closing read there, shaped as a note's marker ("(2)"): a rest
    opening on its marker, the figure after it lost (a whole rest prints it: "(2)      1,158")."""
    return line.strip() == closing.raw.strip() and bool(HEADING_MARK.fullmatch(line.strip()))


def _row_short(schedule: Schedule, row: Row, number: int, closings: set[int | None]) -> bool:
    """Whether a row of a file cut on its line `number` does not close: on that line, it prints nothing
    after a figure (its closing, or all its figures where accounts stand side by side on one line), or a
    closing read off its column (a row wrapped onto the line, its figures read by their order) that its
    opening and movements do not make; or, years as columns, it prints no closing where the rows beside
    it (their figures on its lines: `closings`, their first figures' lines) close on the cut line.  A
    closing typed in its column that does not close is the filing's (VQ001 says so)."""
    on_line = row.line == number or any(c is not None and c.line == number for c in row.cells)
    closing = row.cells[-1] if row.cells else None
    if closing is None:
        # (a reserve closed in the year moves its balance out: its blank closing is a nil, not a cut)
        closed = _closes_on_nil(schedule, row) and any(c is not None for c in row.cells[1:-1])
        return on_line and not closed or _first_line(row) in closings and not _closes_on_nil(schedule, row)
    if not on_line or not schedule.columns or closing.end_column > schedule.columns[-1].start:
        return False  # (a closing in its column, or under its heading's start)
    made = _balance_made(schedule, row)
    return made is not None and abs(made) != abs(closing.value or 0)  # ("--": nil)


def _digits(figure: str) -> str:
    return "".join(ch for ch in figure if ch.isdigit())


def _reads_whole(line: str) -> bool:
    """Whether a file's last line, no line break after it, may end a whole file: a sentence
    ended, a footnote, a page number ("S-2"), a rule."""
    words = " ".join(_prose(line).split())
    return (not words or words.endswith(".") or _is_note(words) or bool(PAGE_NUMBER.match(words))
            or is_rule_line(line, underscores=False))


def _label_whole(line: str, schedules: Sequence[Schedule]) -> bool:
    """Whether the line is a label the schedule's rows print, whole ("Reserve for product returns"): a
    reserve's label alone, no figure beside it, as a whole table's last reserve may print it in its
    last year; read as with a line break after it (`_reserve_alone`), not as a longer line cut."""
    words = " ".join(_prose(line).split())
    return bool(words) and any(r.label == words for s in schedules for p in s.periods for r in p.rows)


def _rule_cut_short(src: Source, cut: str) -> bool:
    """Whether the rule a file's last line ends on (no line break after it) is the start of a longer one the
    table prints above, as typed: cut short (a whole table's last rule is typed as its others)."""
    typed = cut.rstrip()
    if not typed:
        return False
    return any(len(above.rstrip()) > len(typed) and above.startswith(typed) and is_rule_line(above, underscores=False)
               for above in _lines_above_cut(src))


def _refuse_rows_lost(src: Source, tables: Sequence[Schedule], last: int) -> None:
    """An input error where the file ends on the tables' rows (`last`: the line of the last) and
    they show rows lost: the periods' captions printed under their rows, none under the last;
    or the last row's folded figure cut off."""
    caption = _caption_below_lost(src, tables)
    if caption is not None:
        raise InputError(f"the periods' captions are printed under their rows ({caption!r} right under the rows "
                         "before it), the last rows have none under them: is the file cut off? (which period "
                         "each run of rows is cannot be told)", src.path, len(src.lines))
    cut = _fold_lost(tables, last)
    if cut is not None:
        raise _ends_cut(src, f"on the row {cut!r} with no figure in its last column, which every other row prints "
                             "on the line below its own")
    heading = _total_over_nothing(tables, last)
    if heading is not None:
        raise _ends_cut(src, f"on the total {heading!r} with no row under it, where the table's totals are printed "
                             "above the rows they sum")
    short = _block_short(tables, last, told=True)
    if short is not None:
        raise _ends_cut(src, _block_short_said(short))


def _block_short(schedules: Sequence[Schedule], last: int, told: bool) -> str | None:
    """The label of the total heading the block the file ends in (its last row on line `last`), in a table
    whose totals head their blocks, where the total does not sum the block's rows (in half its columns)
    and exceeds them in each column it fails (rows lost add to it; `totals.exceeds`); `told`: only where
    the block's rows are the block above's first rows, in their order, fewer of them, as a cut keeps them
    (a year that closed a reserve prints a total summing the rest; a wrong total fails one column)."""
    for s in schedules:
        totals = (s.reading.totals + _unsure_heads(s)) if s.reading is not None else ()
        heads = sorted((t for t in totals if t.parts and min(t.parts) > t.row), key=lambda t: (t.period, t.row))
        if not heads:
            continue
        head = heads[-1]
        period = s.periods[head.period]
        if _row_end(period.rows[max(head.parts)]) != last or sums_mostly(period, head) or not exceeds(period, head):
            continue
        if len(heads) > 1:
            above = heads[-2]
            mine = [row_key(period.rows[i].label) for i in head.parts]
            theirs = [row_key(s.periods[above.period].rows[i].label) for i in above.parts]
            if len(mine) >= len(theirs) or mine != theirs[: len(mine)]:
                continue
        elif told:
            continue
        return period.rows[head.row].label or "(a total, unlabelled)"
    return None


def _unsure_heads(schedule: Schedule) -> tuple[TotalReading, ...]:
    """The rows printed first, named as totals, the reading left unsure (summing too few of the rows
    under them: VQ005), as totals of those rows up to the next total: a block cut short reads so."""
    heads = []
    for p, r in schedule.reading.unsure_totals if schedule.reading is not None else ():
        rows = schedule.periods[p].rows
        parts = tuple(range(r + 1, next((i for i in range(r + 1, len(rows)) if rows[i].is_total), len(rows))))
        heads.append(TotalReading(p, r, parts, "the items after it", ""))
    return tuple(heads)


def _block_short_said(total: str) -> str:
    return (f"under the total {total!r}, printed above the rows it sums, which it does not sum: more than them "
            "in each column it fails, its block's last rows lost")


def _total_over_nothing(schedules: Sequence[Schedule], last: int) -> str | None:
    """The label of the row the file ends on (line `last`) where it is a total in a table whose totals
    head their blocks (one read as the total of the rows under it) and it sums nothing above it (none
    of its blocks' rows, its subtotals): the block it heads lost to a cut.  A grand total under
    blocks headed by their totals sums them; a wrong total over rows is the rows' finding."""
    for s in schedules:
        totals = s.reading.totals if s.reading is not None else ()
        if not any(t.parts and min(t.parts) > t.row for t in totals):
            continue
        for p, period in enumerate(s.periods):
            r = len(period.rows) - 1
            if r < 0 or not period.rows[r].is_total or _row_end(period.rows[r]) != last:
                continue
            read = next((t for t in totals if (t.period, t.row) == (p, r)), None)
            if read is None or not read.parts or not sums_mostly(period, read):
                return period.rows[r].label or "(a total, unlabelled)"
    return None


def _rows_announced(src: Source, after: str, tables: Sequence[Schedule], first_row: int, last_row: int) -> str | None:
    """The line the prose after the last row ends on where it opens rows that are not there: a
    row cut before or after its first figures, or, with no rows of figures under the words, the
    headings typed again, a row's label, a group's caption or a period's caption and label."""
    return (_dangling_row(src, after, tables) or _row_folded_cut(after, tables)
            or not _rows_under_words(after) and (
                _headings_again(src, after, first_row)
                or _label_again(src, after, tables) or _caption_cut(src, after, tables, first_row, last_row)
                or _period_opened(after))
            or None)


def _row_end(row: Row) -> int:
    """The line a row ends on: its last figure's (below its label where cells
    are on lines of their own, or down its block where the movements are rows)."""
    return max([row.line] + [c.line for c in row.cells if c])


# A document closed after the last row: the file goes on to its end, not cut.
DOCUMENT_CLOSED = re.compile(r"</(?:document|text|html|body)>", re.IGNORECASE)


def _closes_document(text: str) -> bool:
    """Whether DOCUMENT_CLOSED is found in `text`, its end tried first: where
    a document closes (the last row's line of an inline XBRL 10-K written
    on one line is the whole document, a megabyte the search crossed)."""
    return bool(DOCUMENT_CLOSED.search(text, max(0, len(text) - TAIL)) or DOCUMENT_CLOSED.search(text))


def _ends_file(schedule: Schedule) -> Schedule:
    reading = schedule.reading
    if schedule.source != "table" or reading is None:
        return schedule
    return replace(schedule, reading=reading._replace(ends_file=True))


# How much of the text after the last row is searched for prose (what follows
# a schedule in a 10-K is megabytes; its first words are enough), and how much
# of the file's end for the line it ends on.
HEAD, TAIL = 1 << 16, 1 << 12
# (Not labels.PAGE_MARK: its leading run of dashes makes each line's failed match 3x dearer,
# 0.3 M instructions on the seed's check.  It also takes two letters with no dash, "FY 99".)
PAGE_NUMBER = re.compile(r"^(?:page\s+)?[a-z]{0,2}-?\s*\d{1,3}\s*-?$", re.IGNORECASE)
# A continuation's title ("SCHEDULE II (continued)"), and a line of figures
# (three numbers apart, as columns are: a date's "June 30, 2003" is not).
CONTINUED_LINE = re.compile(r"^[^\n]*\bcontinued\b[^\n]*", re.IGNORECASE | re.MULTILINE)
# The word alone: CONTINUED_LINE is tried at every line's every character (64 KB after the last
# row), and most files print no "continued" there: this search, led by its first letter, says so.
CONTINUED_WORD = re.compile(r"continued", re.IGNORECASE)
# (A figure typed "473-" or "473CR" too: labels.NEGATIVE_AFTER.)
FIGURES = lazy_compile(r"(?<![\d,.])(?:\d[\d,.]*+(?:\)|" + NEGATIVE_AFTER + r")?[ \t]{2,}+\$?[ \t]*+\(?){2}\d")  # (tried once a number: linear)
# EDGAR text opens each page with <PAGE>: a file ending on one has lost the
# page it opened (a form feed ends a page: typed filings end on one).
PAGE_OPENED = re.compile(r"<PAGE>\s*\Z", re.IGNORECASE)
ANNOUNCES = lazy_compile(r"(?::|\bcontinued\)?)$", re.IGNORECASE)
# A period's caption with no colon ("Year ended September 30, 2004"): a line
# of its own naming a year's end, not a date alone (a report's date ends a file).
# Or "Fiscal 2001" (its year alone after "fiscal").
PERIOD_CAPTION = lazy_compile(r"^(?:for\s+the\s+)?(?:fiscal\s+)?(?:year|period|(?:three|six|nine|twelve|\d+)\s+months)"
                            r"\s+end(?:ed|ing)\b[^\n]{0,40}\b(?:19|20)\d\d$|^fiscal\s+(?:year\s+)?(?:19|20)\d\d$",
                            re.IGNORECASE)


def _ending(after: str, whole: bool, end: str, marks: frozenset[str]) -> str:
    """What the file ends on after the last row's line (`after`: the first
    HEAD characters there, `whole` if that is all; `end`: the file's last TAIL):
    "nothing" (no word there: rules, page numbers, markup), "prose", or the
    last line itself where it announces rows that are not there: a caption
    ("Year ended June 30, 2003:", or a period's without its colon), a heading
    "(continued)", or column headings ruled off.  A title typed again over the
    schedule's notes alone, one naming a marker its rows print (`marks`), is the
    running head of the page the notes ran onto, announcing no rows (`_notes_run_over`)."""
    if whole:  # (the head is read only where it is all that follows: else the file's end tells)
        head = _prose(after)
        continued = CONTINUED_LINE.finditer(head) if CONTINUED_WORD.search(head) else iter(())
        title = next((m for m in continued if TITLE.search(m.group())), None)
        if title and _nothing_under(head, title.end(), marks):
            return " ".join(title.group().split())
        cut_title = _last_title(head, marks)
        if cut_title is not None:
            return cut_title
    if PAGE_OPENED.search(end):
        return "<PAGE>"
    head_only = _running_head_only(end, marks)
    if head_only is not None:
        return head_only
    if whole and not WORD.search(head):
        return "nothing"
    lines = [line.strip() for line in _prose(after if whole and len(after) <= TAIL else end).split("\n")]
    lines = [line for line in lines if line and not PAGE_NUMBER.match(line)]
    if not lines:
        return "prose"
    last = lines[-1]
    if (ANNOUNCES.search(last) or PERIOD_CAPTION.match(last)) and WORD.search(last):
        return last
    if is_rule_line(last, underscores=False) and len(lines) > 1 and WORD.search(lines[-2]) \
            and not is_rule_line(lines[-2], underscores=False) and not _blank_total(lines[-2]):
        return lines[-2] + " (ruled off)"
    return "prose"


def _blank_total(line: str) -> bool:
    """Whether a line ruled off is a total's label alone ("Total", "Totals"):
    the total of a period whose nils print blank, not headings announcing rows."""
    return "  " not in line and bool(TOTAL.match(line))


# A page's break in EDGAR text (<PAGE>, a form feed), and a running head
# under it: a few words and no figure ("Acme Tool Company", "page 2 of exhibit").
PAGE_BREAK = re.compile(r"^[ \t]*<PAGE>[^\n]*$|\f", re.IGNORECASE | re.MULTILINE)
RUNNING_HEAD = lazy_compile(r"^(?:page\s+\d{1,3}\s+of\s+[^\n]{1,30}|[^\d<>\n]{1,79})$", re.IGNORECASE)
HEAD_LINES = 3


def _running_head_only(end: str, marks: frozenset[str]) -> Optional[str]:
    """The last line of the file where all it prints after its last page
    break is a running head or two (the next page's company name, "page 2
    of exhibit"): that page's table lost, the file cut off; else None.  The
    schedule's notes run over under the head are no head (`_notes_under_head`)."""
    if "\f" not in end and "<page>" not in end.lower():
        return None  # (PAGE_BREAK, an alternation opening on "^", is tried at every character of `end`)
    breaks = list(PAGE_BREAK.finditer(end))
    if not breaks:
        return None
    lines = [line.strip() for line in end[breaks[-1].end():].split("\n")]
    lines = [line for line in lines if line and not PAGE_NUMBER.match(line)]
    # (One phrase a line: a line of phrases set apart is the headings typed again.)
    heads = 0 < len(lines) <= HEAD_LINES and all(RUNNING_HEAD.match(line) and len(line.split()) <= 10
                                                 and "  " not in line for line in lines)
    if not heads:
        return None
    # (The notes under the title typed again, a company's name above it or not.)
    title = _title_line(lines)
    return None if _notes_under_head(lines[title or 0 :], marks) else lines[-1]


# A line that is the schedule's title and nothing else ("SCHEDULE II",
# "VALUATION AND QUALIFYING ACCOUNTS", "Schedule II - Valuation and
# Qualifying Accounts"): not a sentence that names it ("... against valuation
# accounts.", "Schedule II is filed herewith").
_APART = r"[ \t\-\u2013\u2014:.,]"
TITLE_ONLY = re.compile(rf"^{_APART}*(?:{TITLE.pattern})(?:{_APART}+(?:{TITLE.pattern}))*{_APART}*$",
                        re.IGNORECASE | re.MULTILINE)
# How many lines a title may head with no table under them: the company's
# name, units, column headings; more is a document going on.
TITLE_BLOCK = 8


def _last_title(head: str, marks: frozenset[str]) -> str | None:
    """The schedule title the file ends on, a table's with no table under it
    (the next schedule cut off, or a continuation's page lost): the last
    title-only line after the last row, with no figures and at most a title
    block's lines after it, not the schedule's notes alone (`_notes_run_over`)."""
    title = None
    for title in TITLE_ONLY.finditer(head):
        pass
    if title is None or not _nothing_under(head, title.end(), marks):
        return None
    under = _word_lines(head[title.end():])
    return " ".join(title.group().split()) if len(under) <= TITLE_BLOCK else None


def _nothing_under(head: str, at: int, marks: frozenset[str]) -> bool:
    """Whether a title typed again (ending at `at` in `head`) has nothing a page prints under it: no table
    of figures (`_figures_under`), nor the schedule's notes run over (`_notes_run_over`)."""
    return not (_figures_under(head, at) or _notes_run_over(head, at, marks))


def _notes_run_over(head: str, at: int, marks: frozenset[str]) -> bool:
    """Whether all `head` prints after `at` (a title typed again: "SCHEDULE II (continued)") is the
    schedule's notes run over onto the next page under its running head: lines of the title again,
    then notes ("(1) Includes ...", a note's lines run on under it), one naming a marker the
    schedule's rows print (`marks`).  A page lost under the head would open on rows, not notes."""
    return _notes_under_head([" ".join(line.split()) for line in _word_lines(head[at:])], marks)


def _notes_under_head(lines: list[str], marks: frozenset[str]) -> bool:
    """(`_notes_run_over`, of the lines under the title typed again, spaces collapsed.)"""
    while lines and _title_again(lines[0]):
        lines = lines[1:]
    if not lines or _note_mark(lines[0]) is None:
        return False
    return any(_note_mark(line) in marks for line in lines) \
        and not any(_title_again(line) or GROUPED_AMOUNT.search(line) for line in lines)


def _title_again(line: str) -> bool:
    """Whether a line is the schedule's title typed again ("VALUATION AND QUALIFYING ACCOUNTS (continued)",
    or "SCHEDULE II" over "(continued)").  (Each line alone, the title with no "(continued)" too: not
    text/pages.continues_title, a page's furniture saying the title carries on.)"""
    return bool(TITLE_ONLY.match(line) or CONTINUED_WORD.search(line) and (TITLE.search(line)
                                                                           or CONTINUED_ALONE.match(line)))


def _title_line(lines: list[str]) -> int | None:
    """The index of the first of `lines` that is the schedule's title typed again (`_title_again`)."""
    return next((at for at, line in enumerate(lines) if _title_again(line)), None)


# An amount as a table's cell prints it, grouped by thousands ("12,345", "(1,200)"): not a date's
# "June 30, 2003", a note's "1", a year.
GROUPED_AMOUNT = lazy_compile(r"(?<![\d,.])\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?(?![\d,])")


def _figures_under(head: str, at: int) -> bool:
    """Whether a table of figures follows `at`: a line of three figures apart, or two lines
    of grouped amounts (a table of two columns that is no schedule, under a running head:
    the file goes on past the title, it is not cut off there)."""
    if FIGURES.search(head, at):
        return True
    return sum(1 for line in head[at:].split("\n") if GROUPED_AMOUNT.search(line)) >= 2


# What opens a footnote under a table ("(A) Accounts written off", "* Net of", "1/ ...",
# "1. Uncollectible accounts": numbered as a note's heading is, as one-year tables' footnotes are).  Wider
# than a figure's marker (labels.NOTE_MARK): at a line's start any "(...)" of three letters or digits is one.
NOTE_MARK = lazy_compile(rf"^(?:\(\w{{1,3}}\)|\*|{SLASH_MARK}|\d{{1,2}}\.(?=\s)|\w\))")


def _dangling_row(src: Source, after: str, schedules: Sequence[Schedule]) -> str | None:
    """The line the file ends on where it is a row cut before its figures: in a
    table whose labels wrap above their figures ("Allowance for doubtful" /
    "  accounts   1,842 ..."), every line after the last row a period's bare
    year or caption or a label's first line (short of the first column of
    figures, no footnote's mark, no sentence's end).  A whole exhibit goes on
    to prose, footnotes or nothing."""
    wrapped = [s for s in schedules if any(_label_above(src, r) for p in s.periods for r in p.rows)]
    if not wrapped:
        return None
    first_column = min(s.columns[0].start for s in wrapped if s.columns)
    lines = _lines_after(after, markup=True, collapsed=False)
    if not lines:
        return None
    for line in lines:
        text = line.strip()
        if BARE_YEAR.match(text) or PERIOD_CAPTION.match(text):
            continue
        if (len(line.rstrip()) >= first_column - 1 or NOTE_MARK.match(text) or text.endswith((".", ";"))
                or not text[0].isalpha()):
            return None
    return lines[-1].strip()


# A table's or a table row's tag: what follows it is no line of the table's text rows.
TABLE_MARKUP = lazy_compile(r"</?(?:table|tr|td)\b", re.IGNORECASE)
# A figure as a row prints it in its columns ("215", "$1,204", "(38)", "473-").
ROW_FIGURE = lazy_compile(r"(?<!\S)\(?(?:\$[ \t]*)?\d[\d,]*(?:\.\d+)?(?:\)|" + NEGATIVE_AFTER + r")?(?!\S)")


def _row_folded_cut(after: str, schedules: Sequence[Schedule]) -> str | None:
    """The line the file ends on where it is a row cut after its first figures: in a table whose
    rows fold their last figures onto the lines below their own ("Reserve for returns   215   48" /
    "      263"), the last line after the last row a label and figures set in the table's columns,
    no row read there (the figures below it lost; a whole exhibit goes on to them, to prose,
    footnotes or nothing)."""
    folded = [s for s in schedules if s.columns and any(
        any(c and c.line == r.line for c in r.cells) and any(c and c.line > r.line for c in r.cells)
        for p in s.periods for r in p.rows)]
    lines = _lines_after(after, collapsed=False)  # (its figures' places: in the table's columns)
    if not folded or not lines or TABLE_MARKUP.search(after):
        return None  # (past a table's markup the last line is another table's, or HTML's: no folded row's)
    line = lines[-1].rstrip()
    figures = list(ROW_FIGURE.finditer(line))
    first_column = min(s.columns[0].start for s in folded)
    label = line[: figures[0].start()] if figures else ""
    if not figures or figures[0].start() + 1 < first_column - 1 or not label.endswith("  ") or _phrase(label) is None:
        return None
    return " ".join(line.split())


def _caption_below_lost(src: Source, schedules: Sequence[Schedule]) -> str | None:
    """A period's caption of a table that prints each under its rows, as a footer ("Year ended
    December 31, 1996" right under the total's rule, a blank line under it), where the file ends on
    rows with no caption under them: read with its captions above their rows, the first period
    uncaptioned and each caption on the rows of the year after it.  Every caption but the first
    period's (none) sits tight under the rows before it and apart from its own (a whole table
    captioned below reads so, `periods._captions_after_rows`; a table captioned above prints its
    first period's caption too, or sets each caption apart from the rows above it)."""
    for s in schedules:
        first, *captioned = s.periods
        if not captioned or first.label or not first.rows or not all(p.label and p.rows for p in captioned):
            continue
        before = [max(_row_end(r) for r in p.rows) for p in s.periods[:-1]]
        if all(end < p.line < min(r.line for r in p.rows) and src.lines[p.line - 2].strip()
               and not src.lines[p.line].strip() for end, p in zip(before, captioned)):
            return captioned[0].label
    return None


def _fold_lost(schedules: Sequence[Schedule], last: int) -> str | None:
    """The label of the row the file ends at where its last figure is lost to the cut: in a table
    whose rows fold their last column onto the line below their own ("Allowance   $596   $531   $115" /
    "      $1,012"), every row printing that column printing it below, the row ending the file prints
    its first figures on its own line and nothing in that column (read as 0, its closing balance
    would fail every check that reads it; a whole exhibit goes on to the line below)."""
    for s in schedules:
        rows = [r for p in s.periods for r in p.rows]
        ends = [r for r in rows if _row_end(r) == last]
        # (each printed closing's line, and the line of its row's first figures)
        folds = [(c.line, first) for r in rows if r.cells and (c := r.cells[-1]) and (first := _first_line(r))]
        if not ends or not folds or any(line <= first for line, first in folds):
            continue
        row = ends[-1]
        if row.cells and row.cells[-1] is None and any(row.cells) and not _closes_on_nil(s, row):
            return row.label
    return None


def _closes_on_nil(schedule: Schedule, row: Row) -> bool:
    """Whether a row's figures, read as the schedule reads its columns, leave nothing at the end:
    a reserve closed in the year prints no balance at end on purpose (its blank is a nil); a
    balance the cut took would leave the opening and movements apart.  A row printing a balance
    within it (a column neither the opening, the closing nor a movement) is no sum this can tell:
    not nil."""
    return _balance_made(schedule, row) == 0


def _balance_made(schedule: Schedule, row: Row) -> Decimal | None:
    """The balance at end a row's opening and movements make, read as the schedule reads its columns
    (its printed closing aside); None where a column is neither (a balance within the row)."""
    total = Decimal(0)
    for column, cell in zip(schedule.columns, row.cells):
        if cell is None or cell.value is None or column.effect == "closing":
            continue
        if column.effect == "opening":
            total += cell.value * column.sign
        elif column.effect in ("add", "subtract"):
            total += cell.value * column.sign * (1 if column.effect == "add" else -1)
        else:
            return None
    return total


def _first_line(row: Row) -> int | None:
    """The line of a row's first figure before its last column (a row printing its figures on the
    line under its label folds nothing: a closed reserve there prints a blank closing on purpose)."""
    lines = [c.line for c in row.cells[:-1] if c]
    return min(lines) if lines else None


def _account_caption_last(after: str) -> bool:
    """Whether the last line after the schedule's last row is a phrase naming a valuation account,
    no sentence or note ("Allowances deducted from assets"): a group's caption over rows not there
    (a document cut after a page's foot, the caption left on it)."""
    lines = _lines_after(after, collapsed=False)
    last = lines[-1].strip() if lines else ""
    return bool(ACCOUNT_WORD.search(last)) and not (NOTE_MARK.match(last) or last.endswith((".", ";", ")")))


def _few_lines_only(after: str) -> bool:
    """Whether a document opened and never closed ends within a line or two of the schedule's last
    row ("Uncollectible accounts written off, net of recoveries."): its page's footnotes, the page
    cut under them, the rest of the schedule lost with it (a whole document goes on, or closes)."""
    lines = _lines_after(after)
    return 0 < len(lines) <= FEW_LINES and sum(map(len, lines)) <= FEW_CHARACTERS


FEW_LINES, FEW_CHARACTERS = 2, 160


def _notes_only(after: str, marks: frozenset[str]) -> bool:
    """Whether every line after the schedule's last row is a footnote ("(a) Uncollectible accounts
    written off."), or a table a footnote introduces ("Note 1 - The amounts in Column D consist of
    the following:" over a column's breakdown), or the notes run over onto the next page under the
    title typed again (`_notes_run_over`): in a document opened and never closed, the file
    ends under the table's notes, the tables after them lost (a whole document goes on, or closes)."""
    lines = _lines_after(NOTES_TABLE.sub(r"\1", after) if ":" in after else after)
    head = _title_line(lines)
    if head is not None and _notes_under_head(lines[head:], marks):
        return all(_is_note(line) for line in lines[:head])
    return bool(lines) and all(_is_note(line) for line in lines)


# A table right under a line ending in ":" (blank lines between): the one it introduces.
NOTES_TABLE = lazy_compile(r"(:[ \t]*\n(?:[ \t]*\n)*)[ \t]*<table\b.*?</table>", re.IGNORECASE | re.DOTALL)


def _lines_after(after: str, *, markup: bool = False, collapsed: bool = True) -> list[str]:
    """The lines after the schedule's last row that print a word (page numbers aside), each
    check's tests saying what they read: the markup dropped as the prose's (or kept, `markup`:
    a table's own lines, a row's label or footnote, are told by the text as typed), spaces
    collapsed (or kept, not `collapsed`: a line's indent or its figures' columns tell, or only
    the last line is read, collapsed by the check itself).

    The readers of a table's own lines (`_dangling_row`, `_label_again`, `_table_notes_only`)
    keep the markup on purpose: a line of the table's closing tag ("</TABLE>", "</table>",
    "</pre>") is a line for them, no label, row or note, so the table closed under its last row
    ends what they read there, a label's last line run on above it being no row cut off (EDGAR
    text's harrow-mills-1996-labels-over-three-lines; HTML's merlin-tooling-2004-reserve-label-alone,
    bittern-mills-2016-hidden-rows: read with the markup dropped, each is refused as cut off).
    So a line of an HTML <pre> table that wraps its words in tags ("<b>Allowance for</b>") is no
    label to them, where the prose's readers read its words."""
    lines = _word_lines(after if markup else _prose(after))
    return [" ".join(line.split()) for line in lines] if collapsed else lines


def _label_again(src: Source, after: str, schedules: Sequence[Schedule]) -> str | None:
    """The line the file ends on where it opens a label the schedule's rows
    print ("(a) Allowance for doubtful accounts", a marker and all), in a
    table whose labels stand above their figures: the next period's row,
    its figures cut off, not a footnote.  (Where labels share their figures'
    line, a label alone is a row that prints no figure.)"""
    wrapped = [s for s in schedules if any(_label_above(src, r) or _line_above(src, r) == r.label
                                           for p in s.periods for r in p.rows)]
    lines = _lines_after(after, markup=True)
    labels = {r.label for s in wrapped for p in s.periods for r in p.rows if r.label}
    last = lines[-1] if lines else ""
    if not last:
        return None
    if any(label == last or label.startswith(last + " ") for label in labels):
        return last
    # (Or a row's label opening with a marker as the rows' do, "(c) Reserve for returns and", no sentence.)
    marked = any(LABEL_MARK.match(label) for label in labels)
    return last if marked and LABEL_MARK.match(last) and not last.endswith((".", ";")) else None


def _caption_cut(src: Source, after: str, schedules: Sequence[Schedule], first_row: int, last_row: int) -> str | None:
    """A caption the table printed over its rows, naming no account ("Deducted from assets"), that
    the file ends on (`_caption_again`), where it is no row's label run on below its figures ("Reserve
    for doubtful" / "  accounts deducted from assets": the table's own last line, `_table_notes_only`).
    (A line naming a reserve may be a reserve's label alone, a row of a whole table printing no
    figure: `_reserve_alone`.)"""
    last = _phrase_last(after)
    if last is None or " " not in last:
        return None  # (one word: no group's caption)
    # (A group's caption printed first right before the cut, "Reserves included in": its words tell.)
    if not GROUP_CAPTION.match(last) and (ACCOUNT_WORD.search(last) or RESERVED_ASSET.search(last) or TOTAL.match(last)
                                          or not _caption_again(src, last, first_row, last_row)):
        return None  # (a total's label, a hidden row's: no group's caption)
    tail = " " + last.lower()
    return None if any(r.label.lower().endswith(tail) for s in schedules for p in s.periods for r in p.rows) else last


def _caption_again(src: Source, last: str, first_row: int, last_row: int) -> bool:
    """Whether the phrase the file ends on (`last`) is a caption the table printed between its rows,
    a line with no figure (a group's "Deducted from assets", naming no account, typed again at a
    page's foot): the rows under it lost, the file cut off."""
    inside = src.lines.span(max(0, first_row - 1 - CAPTION_ABOVE), last_row - 1)
    captions = {" ".join(line.split()) for line in map(_prose, inside.split("\n")) if not DIGIT.search(line)}
    return last in captions


# How many lines of a label wrapped under its period's caption a cut may leave (a label of three
# lines cut before its last, which prints the figures).
LABEL_LINES = 2


def _period_opened(after: str) -> str | None:
    """A period's caption, then a label's first line or two and nothing else ("Year ended December 31,
    2020:" / "Cumulative effect of" / "adoption of credit"): the next period opened, the file cut
    before its first figures."""
    lines = _lines_after(after, collapsed=False)  # (a label's second line set in under its first)
    caption = " ".join(lines[0].split()) if lines else ""
    if not 2 <= len(lines) <= 1 + LABEL_LINES or not is_period(caption.rstrip(":")):
        return None
    if len(lines) > 2 and not (_captions_period(caption) and _indent(lines[2]) > _indent(lines[1])):
        return None  # (a label's second line is set in under its first; a report's date, a signature's lines are not)
    # (A standard's number is a label's word: "Adoption of ASC 326 as of".)
    return caption if all(_phrase(STANDARD_CITED.sub(" ", line)) for line in lines[1:]) else None


def _captions_period(line: str) -> bool:
    """Whether a line is a period's caption over its rows: "Year ended ...", "Fiscal 2020", "2020",
    or one with a colon; not a date alone (a report's, under the table)."""
    return line.endswith(":") or bool(PERIOD_CAPTION.match(line) or BARE_YEAR.match(line))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _reserve_alone(after: str) -> str | None:
    """The line the file ends on where it is all that follows the last row and a reserve's
    label alone, no figure beside it ("Reserve for inventory obsolescence"): a row cut before
    its figures, or a whole table's last reserve printing none in its last year (a real table
    does, cik866970-2011); not a note or a sentence, which name reserves too ("Uncollectible
    accounts written off")."""
    lines = _lines_after(after, collapsed=False)
    last = _phrase(lines[0]) if len(lines) == 1 else None
    if last is None or not (ACCOUNT_WORD.search(last) or RESERVED_ASSET.search(last)):
        return None
    return None if SENTENCE.search(last) or NOTE_PHRASE.search(last) or len(last.split()) > 8 else last


# What a note under the table says of a reserve's movements ("written off, net of recoveries"), as no label does.
NOTE_PHRASE = lazy_compile(SCHEDULE_MOVEMENT.pattern + r"|\bwritten\b|\bnet\s+of\b|\brecover", re.IGNORECASE)


def _phrase_last(after: str) -> str | None:
    """The last line after the last row, spaces collapsed, where it is a phrase: it opens
    on a letter and prints no figure, no footnote's mark, no sentence's end."""
    lines = _lines_after(after, collapsed=False)
    return _phrase(lines[-1]) if lines else None


def _phrase(line: str) -> str | None:
    """The line, spaces collapsed, where it is a phrase (`_phrase_last`)."""
    last = " ".join(line.split())
    if not last[:1].isalpha() or DIGIT.search(last) or _is_note(last):
        return None
    return None if last.endswith((".", ";", ")", ",")) else last


DIGIT = lazy_compile(r"\d")
# How many lines above the first row a caption over it is looked for (a group's, a period's: the
# company's name and the title stand further up, and a whole exhibit may end on its name signed).
CAPTION_ABOVE = 3


# A marker a row's label opens with: "(a) Allowance ...".
LABEL_MARK = lazy_compile(r"^\(\w{1,2}\) [A-Za-z]")


# A word of Schedule II's column headings (not the company's name or the units above them).
HEADING_WORD = lazy_compile(r"\b(?:balance|beginning|charged|additions?|deductions?|costs?|expenses|end\s+of|description)\b",
                          re.IGNORECASE)
# How far above the first row a schedule's headings are looked for.
HEADINGS_BACK = 1 << 13


def _rows_under_words(after: str) -> bool:
    """Whether rows of figures printing no word ("1996   $590   $170   $150   $610") stand under
    the last line printing one: a table's rows by year (a note's roll-forward copying the
    schedule's headings, or its caption), so the headings, caption or label the words end on
    have rows under them, and the file is not cut after them."""
    lines = _prose(after).split("\n")
    for line in reversed(lines):
        if WORD.search(line) and not PAGE_NUMBER.match(line.strip()):
            return False
        if FIGURES.search(line):
            return True
    return False


def _headings_again(src: Source, after: str, first_row: int) -> str | None:
    """The line the file ends on where it is one of the schedule's heading
    lines typed again (a page's headings re-typed after a break, the page's
    rows cut off): a line of two words or more printed above the first row."""
    lines = [" ".join(line.split()) for line in after.split("\n") if WORD.search(line)]
    if not lines or len(lines[-1].split()) < 2:
        return None
    text = src.lines.text
    at = src.lines.offset(first_row - 1)
    above = {" ".join(line.split()) for line in _blocks_as_lines(text[max(0, at - HEADINGS_BACK) : at]).split("\n")}
    # (The headings typed again may be cut anywhere: wrapped by the filer's software, the last line
    # the file keeps is a heading's rest, "of period", or the column letters' "COLUMN G": the run of
    # lines at the end typed as they were above the first row tells, where one of them names a heading.)
    again = []
    for line in reversed(lines):
        if line not in above:
            break
        again.append(line)
    named = any(HEADING_WORD.search(line) for line in again) or rule_letters_in(" ".join(again))
    return f"{lines[-1]} (headings with no rows under them)" if named else None


def _table_notes_only(after: str, schedules: Sequence[Schedule], notes_inside: bool) -> bool:
    """Whether every line after the last row is the table's own: a row's
    label run on below its figures ("  accounts"), or, where the table
    prints its footnotes between its rows (`notes_inside`), a footnote
    ("(1) ...", "* ...", "Note 1 -- ...").  Footnotes under a table whose
    rows have none between them end it, as whole exhibits end."""
    labels = [r.label for s in schedules for p in s.periods for r in p.rows]
    lines = _lines_after(after, markup=True)
    marked = _last_row_marks(schedules)
    return bool(lines) and all((notes_inside and _is_note(line)) or _note_mark(line) in marked
                               or any(label.endswith(" " + line) for label in labels) for line in lines)


def _marks(schedules: Sequence[Schedule]) -> frozenset[str]:
    """The footnote marks the schedule prints: beside its rows' labels or figures ("37 (1)": "1"), or in
    its column headings and periods' captions ("Charged to Other Accounts (1)", a note on every figure
    under it printed once over them)."""
    rows = {mark for s in schedules for p in s.periods for r in p.rows for mark in _row_marks(r)}
    headings = (text for s in schedules for text in (s.label_heading, *(c.heading for c in s.columns),
                                                     *(p.label for p in s.periods)))
    return frozenset(rows | {m.group().strip("()").lower() for text in headings for m in HEADING_MARK.finditer(text)})


# A note's mark in a heading or caption: "(1)", "(a)", "*" ("Deductions*"); not "(in thousands)".
HEADING_MARK = lazy_compile(r"\(\w{1,2}\)|\*")


def _row_marks(row: Row) -> set[str]:
    marks = [row.footnote] + [c.footnote for c in row.cells if c is not None]
    return {m.strip("()/ ").lower() for m in marks if m}


def _last_row_marks(schedules: Sequence[Schedule]) -> set[str]:
    """The footnote marks the table's last row prints ("198 (1)": "1"): a
    footnote of one of them under it is that row's, typed right after it as
    the table types its footnotes between its rows (a cut file shows no more)."""
    rows = [r for s in schedules for p in s.periods for r in p.rows]
    if not rows:
        return set()
    return _row_marks(max(rows, key=lambda r: r.line))


def _note_mark(line: str) -> str | None:
    """The mark a footnote line opens with ("(1) ...", "Note 1 -- ...", "1/ ...", "* ..."): "1", "*"."""
    found = NOTE_MARK.match(line) or NOTE_WORD.match(line)
    return found.group().split()[-1].strip("()/. ").lower() if found else None


def _is_note(line: str) -> bool:
    return bool(NOTE_MARK.match(line) or NOTE_WORD.match(line))


def _notes_between_rows(src: Source, first: int, last: int) -> bool:
    """Whether a footnote line stands between the table's first and last rows."""
    inside = src.lines.span(first - 1, last - 1)
    return any(_is_note(" ".join(line.split())) and not FIGURES.search(line) for line in inside.split("\n"))


NOTE_WORD = lazy_compile(r"^(?:foot)?notes?\s+\w{1,3}\b", re.IGNORECASE)


def _label_above(src: Source, row: Row) -> bool:
    """Whether the row's label begins on a line above its figures, alone there: the line
    above the row's own, or the row's own where every figure is set below it (a label
    wrapped at 80 columns, "...in the balance" over "sheet   $ 1,214,000 ...")."""
    above = _line_above(src, row)
    if bool(above and row.label) and row.label.startswith(above + " "):
        return True
    figures = [c.line for c in row.cells if c]
    return bool(figures) and min(figures) > row.line


def _line_above(src: Source, row: Row) -> str:
    """The text of the line above the row's own, spaces collapsed: each line's kept by the
    source (the tail's readers ask of every row two or three times, and an HTML file's line
    may hold a whole table)."""
    if row.line < 2:
        return ""
    collapsed: dict[int, str] = src.kept("lines collapsed", dict)
    above = collapsed.get(row.line - 1)
    if above is None:
        above = collapsed[row.line - 1] = " ".join(src.lines.span(row.line - 2, row.line - 1).split())
    return above


def _word_lines(text: str) -> list[str]:
    """The lines of `text` that print a word, page numbers aside."""
    return list(_word_lines_of(text)) if len(text) > KEPT_FROM else list(_word_lines_of.__wrapped__(text))


@lru_cache(maxsize=4)
def _word_lines_of(text: str) -> tuple[str, ...]:
    """(`_word_lines`, kept: the cut-off check's tests ask it of the same text after the last row,
    seven times over, each a pattern or two a line of a thousand lines.)"""
    return tuple(line for line in text.split("\n") if WORD.search(line) and not PAGE_NUMBER.match(line.strip()))


def _prose(text: str) -> str:
    if "<" not in text and "&" not in text:
        return text
    return _unmarked(text) if len(text) > KEPT_FROM else MARKUP.sub(" ", text)


# (A text this long is the text after the last row, or the file's end: kept; a table's line is not.  Not
# 4 KB: an inline XBRL 10-K's schedule ends 2 KB from its end, a text its tail's readers ask six times.)
KEPT_FROM = 512


@lru_cache(maxsize=4)
def _unmarked(text: str) -> str:
    """The text with its markup and entities as spaces (kept: the cut-off check asks it of the
    same 64 KB after the last row from each of its tests, five times over)."""
    return MARKUP.sub(" ", text)
