"""Find the Schedule II tables of an HTML document without reading the others.

A fast scan with regular expressions: the <table> tags (to know each
table's extent), the schedule's title ("Valuation and Qualifying Accounts",
"Schedule II", words split by tags or &nbsp;) and its headings ("Balance at
beginning").  A table that encloses or follows a title, or encloses such a
heading, is a candidate; only candidates are read into grids, and only those
whose grid has Schedule II headings over figures are kept.  A table split
by a page break continues into the next <table> when little but a page
number or "(continued)" lies between them; a schedule printed one table per
account continues into the next account's table, its caption between them.
"""

from __future__ import annotations

import functools
import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from auditor.frontends.html import divs, grid as html_table, hidden
from auditor.labels import (ACCOUNT_WORD, BALANCE_WORD, LETTER, MOVEMENT_WORD, NIL, NOTE_SIGNS, NUMBERED_NOTE, SCHEDULE_WORD, UNITS,
                            XBRL_SCHEDULE_BLOCK, heads_a_note, XBRL_STRUCTURE, heads_another_statement, is_index_entry, is_period,
                            marks_a_footnote, note_number,
                            numbers_a_statement, rule_letters_in, title_pattern)
from auditor.frontends.text.headings import Vocabulary as Headings, without_tags
from auditor.model import Position
from auditor.source import Source
from auditor import scan

_SEP = r"(?:\s|&nbsp;?|&#160;?|&#xa0;?|\xa0|<[^>]{0,400}>)+"
TITLE = title_pattern(_SEP)  # (labels.TITLE_WORDS: the one list of title words)
PAGE_TITLE = re.compile(r"<title\b[^>]{0,200}>[^<]{0,2000}</title\s*>", re.IGNORECASE)  # (bounded: linear on a hostile run of "<title")
_BEGINNING_OF_PERIOD = rf"beginning{_SEP}(?:of{_SEP})?(?:the{_SEP})?(?:period|year)"
HEADING = re.compile(rf"balance{_SEP}at{_SEP}(?:the{_SEP})?beginning|{_BEGINNING_OF_PERIOD}", re.IGNORECASE)
# HEADING, or "Balance at" alone over a column (no "beginning": "Balance at" / "Balance at"), a heading
# of the schedule's only where its columns are lettered (`_lettered`).
HEADING_OR_BALANCE_AT = re.compile(rf"balance{_SEP}at\b(?:{_SEP}(?:the{_SEP})?(?P<begins>beginning))?"
                                   rf"|(?P<period>{_BEGINNING_OF_PERIOD})", re.IGNORECASE)
TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.IGNORECASE)
# The words a document is scanned for at once (scan.word_starts): its table
# tags' name and the first words of a title and of a schedule's headings.
SCANNED = ("table", "valuation", "schedule", "balance", "beginning")
# How far after a title (in characters of markup) its table may start.
REACH = 20000
# What may separate a table from its continuation: page numbers, "(continued)",
# a repeated title, a "Table of Contents" link; nothing longer.
GAP_TEXT = 300
# The grids a document keeps once read (`Document.grid`): a table is asked for again a few tables on
# at most, and a 10-K's grids, a character's place each, are not all kept.
GRIDS_KEPT = 8
# The markup `Document.holds` reads at a time (a table's first row or two).
HOLDS_PIECE = 4096
# A title's line is short; a sentence naming Schedule II runs on.
TITLE_LINE = 120
ROW_END = re.compile(r"</tr\b|<tr\b", re.IGNORECASE)
ROW_REACH = 6000  # how far on a row's end is looked for (a row's cells and their markup)
FIGURE = re.compile(r"\$|\d,\d{3}|(?<!\()\b\d{2,}\b")  # not a heading's "(1)"
MORE_HEADINGS = re.compile(r"\b(?:end|additions?|deductions?|charged|write|other|costs?|expenses?)\b", re.IGNORECASE)
BLOCK = re.compile(r"</?(?:p|div|br|hr|td|th|tr|h\d|center|table|li)\b[^>]*>", re.IGNORECASE)
# How far before a table its account caption may be printed, and how long a caption runs.
CAPTION_REACH = 2000
CAPTION_TEXT = 150
# Text between tables that is page furniture, never an account's caption: page
# numbers, "(continued)", a table of contents link, the company's name, footnotes.  (Wider
# than labels.PAGE_MARK by design: a whole 10-K between tables numbers pages past 999 and
# "3 of 120".)
FURNITURE = re.compile(
    r"^(?:page\s+)?[-\u2013\u2014\s]*(?:[a-z]{1,2}\s?-\s?)?\d{1,4}(?:\s+of\s+\d{1,4})?[-\u2013\u2014\s]*$"
    r"|^[ivxlc]{1,6}$|\bcontinued\b|\btable\s+of\s+contents\b|^index\b"
    r"|\b(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|plc|l\.?p|holdings|subsidiaries)\.?\s*$"
    rf"|^(?:\(\w{{1,2}}\)|\*{{1,3}}|[{NOTE_SIGNS}]|\d\))\s",
    re.IGNORECASE,
)


Span = tuple[int, int]  # (start, end) character offsets in the document's joined text


@dataclass(frozen=True)
class Region:
    """One schedule: its table, or tables when split by page breaks or printed one per account."""

    parts: tuple[Span, ...]  # (start, end) character offsets of each <table>...</table>
    grids: tuple[html_table.Grid, ...]  # one per part read: a part and those a page break cut from it are one (breaks)
    title: str
    title_line: int
    preamble: str  # text between the title and the table (units statements)
    captions: tuple[Optional[str], ...] = ()  # per part: the account's caption printed just before it, or None
    transposed: bool = False  # the years as columns, the movements as rows (html_transposed)
    subtitle: str = ""  # the lines between the title and the table naming the years covered (periods.years_lines)
    # (line, caption) of each period captioned between two of its parts: a paragraph "Year ended
    # December 31, 2001" over each year's <table>, or over the rows after a page break (front.periods_between)
    periods: tuple[tuple[int, str], ...] = ()
    # Figures of a table right after the schedule's last part that it could not be joined to
    # (headless, nothing but page furniture between): unread, said so (VQ007), never dropped.
    left: tuple[Position, ...] = ()


class Document:
    """The joined text of a source, its line starts and its tables' extents."""

    def __init__(self, source: Source):
        self.source = source
        # (laid out: a cell's columns are counted with tabs expanded; the line
        # starts an array, 4 bytes a line: a list of int took 36)
        self.text, self.line_starts = source.laid_out()
        # Where the table tags and the titles' and headings' first words are: one
        # pass over the document (None where lowering it changes its length),
        # kept by the source where this text is its own (no tab laid out), with
        # the words the cut-off check looks for after (scan.HTML_WORDS).
        self._shared = not source.has_tabs
        self.hidden_spans: list[Span] = []
        self._hidden_starts: list[int] = []  # (each hidden span's start: `hidden.outside`)
        self.words = self._scan(scan.HTML_WORDS if self._shared else SCANNED)
        # What a browser does not print (display:none) written over with spaces in place (`hidden`):
        # the words found in it are no words of the page.
        unhidden = hidden.blanked(self.text, self.words["table"] if self.words is not None else None,
                                  self.words.get("display") if self.words is not None else None)
        if unhidden is not None:
            self.text, self.hidden_spans = unhidden
            self._hidden_starts = [start for start, _ in self.hidden_spans]
            if self.words is not None:
                self.words = {w: hidden.outside(at, self.hidden_spans, self._hidden_starts) for w, at in self.words.items()}
        # A table of elements styled display:table-cell, written as table tags in place (`divs`): its
        # "table" words move, so the words are found again in the text as written.
        written = divs.as_tables(self.text, self.words["table"]) if self.words is not None else None
        if written is not None:
            self.text, self._shared = written, False
            self.words = self._scan(SCANNED)
        tags = _table_tags(self.text, self.words["table"] if self.words is not None else None)
        self.tables, self.parents, unclosed = _tables(tags, len(self.text))  # (start, end) by start; index of the enclosing one
        self.unclosed = {self.tables[i] for i in unclosed}
        self.starts = [s for s, _ in self.tables]
        # (a table's text is asked for again: by a second look at it, and as the
        # first part of it and the part a page break cut off)
        self._plain: dict[tuple[int, int], str] = {}
        self._holds: dict[tuple[re.Pattern[str], int, int], bool] = {}
        self._headings: dict[int, list[int]] = {}  # (statement_headings, by table)
        # (a table's grid is asked for again while the schedule is located: the table after a part,
        # by the continuations and again by the rows left after it; the last few kept, `grid`)
        self._grids: dict[Span, html_table.Grid] = {}
        self.indexed = False  # an index names the schedule's page (set by `candidates`)

    def matches(self, pattern: re.Pattern[str], words: Iterable[str]) -> list[re.Match[str]]:
        """pattern.finditer, faster: tried only where one of its first words
        occurs (a regex with IGNORECASE alternatives crawls over megabytes)."""
        starts = self._word_starts(tuple(words))
        if starts is None:
            return list(pattern.finditer(self.text))
        found, reach = [], 0
        for i in sorted(starts):
            m = pattern.match(self.text, i) if i >= reach else None
            if m:
                found.append(m)
                reach = m.end()
        return found

    def _word_starts(self, words: tuple[str, ...]) -> Optional[set[int]]:
        """Where any of `words` (lower case) starts, case aside; None where
        lowering changes the text's length (offsets would not map).  Words
        not scanned with the document's are found in a pass of their own."""
        if self.words is None:
            return None
        missing = [w for w in words if w not in self.words]
        if missing:
            more = self._scan(tuple(missing))
            if more is None:
                return None
            self.words.update(more)
        return {at for w in words for at in self.words[w]}

    def _scan(self, words: tuple[str, ...]) -> Optional[dict[str, list[int]]]:
        if not self._shared:
            return scan.word_starts(self.text, words)
        found = self.source.word_starts(words)  # (of the source's text: its hidden words left out here)
        if found is None or not self.hidden_spans:
            return found
        return {w: hidden.outside(at, self.hidden_spans, self._hidden_starts) for w, at in found.items()}

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def enclosing(self, offset: int) -> Optional[Span]:
        """The innermost table around `offset`, if any."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.tables[i][1] <= offset:
            i = self.parents[i]
        return self.tables[i] if i >= 0 else None

    def next_table(self, offset: int) -> Optional[Span]:
        i = bisect_left(self.starts, offset)
        return self.tables[i] if i < len(self.tables) else None

    def grid(self, span: Span) -> html_table.Grid:
        """The table's grid; an input error past MAX_GRID_COLUMNS, found while laying it.
        Read once while kept (GRIDS_KEPT, the last read): its cells do not change once laid
        (layout.frame) until the layout builds a schedule of them (`forget_grids`)."""
        from auditor.limits import MAX_GRID_COLUMNS

        from auditor.frontends.html.stacked import unstack  # (it reads cells' figures, which read grids)

        found = self._grids.get(span)
        if found is None:
            found = unstack(html_table.read(self.text, span[0], span[1], self.line_starts, MAX_GRID_COLUMNS))
            if len(self._grids) >= GRIDS_KEPT:
                del self._grids[next(iter(self._grids))]
            self._grids[span] = found
        return found

    def forget_grids(self, spans: Iterable[Span]) -> None:
        """The tables of `spans` read afresh when asked again: the layout marks a part's cells as
        it builds it (a continuation's signs and notes, under the columns it goes on in: layout.build)."""
        for span in spans:
            self._grids.pop(span, None)

    def plain(self, start: int, end: int) -> str:
        found = self._plain.get((start, end))
        if found is None:
            found = self._plain[start, end] = " ".join(html.unescape(without_tags(self.text[start:end])).split())
        return found

    def joined(self, start: int, cut: int, end: int) -> Optional[tuple[str, int]]:
        """`plain(start, end)` and where in it the text of cut..end starts, where
        `cut` follows a tag's ">": no tag, entity or word runs across it then
        (the tag turns to a space either way), so the first part's text is
        reused and searched no further.  None where `cut` follows no tag."""
        if not start < cut < end or self.text[cut - 1] != ">":
            return None
        first, rest = self.plain(start, cut), self.plain(cut, end)
        return (f"{first} {rest}", len(first) + 1) if first and rest else (first or rest, 0 if rest else len(first))

    def plain_on(self, start: int, cut: int, end: int) -> str:
        """`plain(start, end)`, the first part's text reused (`joined`)."""
        joined = self.joined(start, cut, end)
        return self.plain(start, end) if joined is None else joined[0]

    def holds(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """Whether `pattern`, a word's (no match runs across a space), is found in the text of
        start..end (asked again of a table's text when it is joined with the part a page break
        cut off)."""
        found = self._holds.get((pattern, start, end))
        if found is None:
            found = self._holds[pattern, start, end] = self._holds_from_start(pattern, start, end)
        return found

    def _holds_from_start(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """`holds`, the markup read a piece at a time from its start, each cut right after a tag:
        a tag is a space in the text, so no word runs across the cut and the pieces' texts, in
        order, are the whole text.  A schedule's table prints its balance and movement words in
        its first row: ibm-2024's, 60 KB of markup for 724 characters of text, was read whole
        (1.8 M instructions) to find them in its first piece.  Where no piece holds the word the
        whole text is kept, made of the pieces (`plain` asks it next)."""
        if (start, end) in self._plain:
            return found_case_aside(pattern, self._plain[start, end])
        texts, at = [], start
        while True:
            cut = self.text.find(">", at + HOLDS_PIECE, end) if end - at > HOLDS_PIECE else -1
            piece = without_tags(self.text[at : cut + 1]) if cut != -1 else ""
            if not piece.endswith(" "):  # (the last piece; or a ">" that closes no tag: the rest read whole)
                texts.append(html.unescape(without_tags(self.text[at:end])))
                self._plain[start, end] = " ".join("".join(texts).split())  # (as `plain` makes it)
                return found_case_aside(pattern, " ".join(texts[-1].split()))
            texts.append(html.unescape(piece))
            if found_case_aside(pattern, " ".join(texts[-1].split())):  # (its runs of spaces made one)
                return True
            at = cut + 1

    def texts(self, start: int, end: int) -> list[str]:
        """The blocks of text in text[start:end] ("<p>", "<br>"... apart) that are
        not page furniture, a title, a units statement or a period, in order."""
        return [text for _, text in self.blocks(start, end)]

    def printed(self, start: int, end: int) -> list[str]:
        """The blocks of text in text[start:end] that print anything, page furniture and titles too."""
        return [text for _, text in self.texts_in(start, end)]

    def blocks(self, start: int, end: int) -> list[tuple[int, str]]:
        """`texts`, each with the offset it starts at."""
        return [(at, text) for at, text in self.texts_in(start, end) if not furniture(text)]

    def texts_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """The blocks of text in text[start:end] that print anything, page
        furniture and all, each with the offset it starts at."""
        found, at = [], start
        # (A tag ends in ">": searching past the last one only rescans a run of "<".)
        for m in [*BLOCK.finditer(self.text, start, self.text.rfind(">", start, end) + 1 or start), None]:
            text = self.plain(at, m.start() if m else end)
            if text:
                found.append((at, text))
            at = m.end() if m else end
        return found

    def statement_headings(self, table: int) -> list[int]:
        """Where blocks heading a note or another schedule (labels.heads_another_statement)
        start in the REACH before the table starting at `table`, since the table
        before it started: read once per table, so that every title before it
        asks in constant time (the spans read, table to table, add up to the text once)."""
        found = self._headings.get(table)
        if found is None:
            i = bisect_left(self.starts, table)
            blocks = self.texts_in(max(table - REACH, self.starts[i - 1] if i > 0 else 0), table)
            found = self._headings[table] = [at for k, (at, text) in enumerate(blocks)
                                             if numbers_a_statement(text) and not furniture(text)
                                             and heads_another_statement(_texts_from(blocks, k))]
        return found

    def caption_before(self, offset: int, floor: int = 0) -> Optional[str]:
        """The account's caption printed right above the table at `offset` (after
        `floor` and any earlier table), or None."""
        start = max(floor, offset - CAPTION_REACH, 0)
        closes = [m.end() for m in re.finditer(r"</table\s*>", self.text[start:offset], re.IGNORECASE)]
        printed = self.texts_in(start + closes[-1] if closes else start, offset)
        named = [k for k, (_, text) in enumerate(printed) if not furniture(text)]
        # (A line the title block prints under "SCHEDULE II", over "VALUATION AND QUALIFYING
        # ACCOUNTS", the company's name, is no account's: the table's title comes after it.)
        if not named or any(TITLE.search(text) for _, text in printed[named[-1] + 1:]):
            return None
        return caption([printed[named[-1]][1]])


# An alternative of a pattern of words alone ("beginning|balance|\\bstart"): a word's letters, a
# word's edge before or after it.
_WORD_ALTERNATIVE = re.compile(r"(\\b)?([a-z]+)(\\b)?")


@functools.lru_cache(maxsize=None)
def _words_of(pattern: str) -> Optional[tuple[tuple[bool, str, bool], ...]]:
    """(edge before, word, edge after) of each alternative of a pattern of words alone, or None."""
    words = [_WORD_ALTERNATIVE.fullmatch(alternative) for alternative in pattern.split("|")]
    return tuple((bool(m.group(1)), m.group(2), bool(m.group(3))) for m in words if m) \
        if all(words) else None


def found_case_aside(pattern: re.Pattern[str], text: str) -> bool:
    """pattern.search(text) is not None, for a pattern case aside of words alone (labels.BALANCE_WORD,
    MOVEMENT_WORD) in an ASCII text: each word found by `str.find` in the text lowered, its edges
    then asked (an ASCII letter has no other case than its own; a word's character is [A-Za-z0-9_]).
    The regex tries every alternative case aside at every character: some 800 instructions a
    character for BALANCE_WORD, 5 M of ibm-2024's check over the text of the tables it read."""
    words = _words_of(pattern.pattern) if pattern.flags & ~re.UNICODE == re.IGNORECASE else None
    if words is None or not text.isascii():
        return pattern.search(text) is not None
    lower = text.lower()
    for before, word, after in words:
        at = lower.find(word)
        while at != -1:
            end = at + len(word)
            if (not before or not _word_character(lower[at - 1 : at])) and (not after or not _word_character(lower[end : end + 1])):
                return True
            at = lower.find(word, at + 1)
    return False


def _word_character(character: str) -> bool:
    """Whether a character (or "" past either end) is a word's, as a regex's \\b reads an ASCII one."""
    return character.isalnum() or character == "_"


def _texts_from(blocks: list[tuple[int, str]], k: int, count: int = 4) -> list[str]:
    """The texts of block k and of the blocks after it that are no page
    furniture, `count` at most (block k's own is asked of by the caller):
    what `blocks` would list from block k on, furniture asked of only as
    far as needed (the 20,000 characters before a table hold hundreds of
    blocks, and a note's or schedule's heading opens few)."""
    texts = [blocks[k][1]]
    for _, text in blocks[k + 1 :]:
        if len(texts) == count:
            break
        if not furniture(text):
            texts.append(text)
    return texts


def furniture(text: str) -> bool:
    """Page furniture, a title, a period or a units statement (not an account
    named with its units: "Allowance for obsolete inventory (in thousands)"), or
    a caption of the XBRL viewer's that names the taxonomy's structure, no account."""
    units = UNITS.search(text)
    return (not LETTER.search(text) or bool(FURNITURE.search(text) or TITLE.search(text))
            or bool(XBRL_STRUCTURE.search(text))
            or is_period(text) or (units is not None and len(re.findall(r"[a-zA-Z]+", UNITS.sub("", text))) <= 2))


def caption(texts: list[str]) -> Optional[str]:
    """The last of the texts before a table, when short enough to name an account."""
    return texts[-1] if texts and len(texts[-1]) <= CAPTION_TEXT else None


def _table_tags(text: str, starts: Optional[list[int]]) -> list[re.Match[str]]:
    """Every <table> and </table> tag, in order: matched where the word "table"
    follows "<" or "</" (`starts`, from the document's one scan), or, where
    no scan could be made, by a search of the whole text."""
    end = text.rfind(">") + 1  # (see without_tags)
    if starts is None:
        return list(TABLE_TAG.finditer(text, 0, end))
    found, reach = [], 0
    for at in starts:
        tag = scan.tag_start(text, at)
        m = TABLE_TAG.match(text, tag, end) if tag >= reach else None  # (as finditer: matches never overlap)
        if m:
            found.append(m)
            reach = m.end()
    return found


def _tables(tags: list[re.Match[str]], length: int) -> tuple[list[Span], list[int], list[int]]:
    """(start, end) of every <table> element, nested ones too, by start (an
    unclosed one ends where its parent does); each one's parent's index; and
    the indices of those never closed."""
    opened: list[int] = []
    ends: dict[int, int] = {}
    parents: list[int] = []
    stack: list[int] = []
    for m in tags:
        if not m.group(1):
            parents.append(stack[-1] if stack else -1)
            stack.append(len(opened))
            opened.append(m.start())
        elif stack:
            ends[stack.pop()] = m.end()
    for i in reversed(stack):  # never closed
        ends[i] = ends.get(parents[i], length) if parents[i] >= 0 else length
    return [(start, ends[i]) for i, start in enumerate(opened)], parents, stack


def candidates(doc: Document, indexed: bool = False) -> list[tuple[Span, Optional[re.Match[str]]]]:
    """(table span, title match or None) for every table worth reading, in order;
    `indexed`: a title that reads as an index's entry is tried too (its page at
    its end: a schedule's own title may be printed so, in one block)."""
    found: dict[Span, Optional[re.Match[str]]] = {}
    titles = doc.matches(TITLE, ("valuation", "schedule"))
    # A sentence naming the schedule ("the table below details the valuation and
    # qualifying accounts ...") between a title and its table leaves the table the title's.
    lines = [m.start() for m in titles if len(title_text(doc, m)) <= TITLE_LINE]
    # The page's <title> (a browser's tab, never printed) is a table's title only where
    # no printed one is: a title row inside the table, read after it, is its own.
    head = PAGE_TITLE.search(doc.text) if titles else None
    if head is not None:
        titles = sorted(titles, key=lambda m: head.start() <= m.start() < head.end())
    for i, match in enumerate(titles):
        inside = doc.enclosing(match.start())
        if inside and (_prints_figures(doc.text, match.end()) or _among_headings(doc.text, inside, match)):
            continue  # a row label or a column's heading ("Valuation accounts acquired"), never the schedule's title
        if not indexed and _index_entry(doc, match, inside):
            doc.indexed = True  # (a titled filing, its schedule elsewhere: its notes are no schedule)
            continue  # an index's line naming the schedule's page: a mention
        if inside:
            if inside in found and _mention_over_title(doc, found[inside], match, inside):
                found[inside] = match  # (the table's own title row, not the sentence above it naming the schedule)
            found.setdefault(inside, match)
        after = _past_empty(doc, doc.next_table(match.end()))
        limit = next((at for at in lines if at > match.start()), len(doc.text))
        if (after and after[0] - match.end() <= REACH and after[0] < limit
                and not _another_statement_between(doc, match.end(), after[0])
                and not _titled_a_note(doc, after, numbered=False)
                and not (_numbered_note_after_table(doc, after) and _end_before(doc, after) > match.end())):
            found.setdefault(after, match)
            beyond = _schedule_past(doc, after, match.end(), limit)
            if beyond is not None:
                found.setdefault(beyond, match)
    # (HEADING and "Balance at" alone in one pass over the words' starts: a second costs a page of notes 1 M.)
    for match in doc.matches(HEADING_OR_BALANCE_AT, ("balance", "beginning")):
        inside = doc.enclosing(match.start())
        if (inside and inside not in found and _heading_row(doc.text, match.end())
                and (match.group("begins") or match.group("period") or _lettered(doc, inside, match.start()))
                and (not _in_a_note(doc, inside) or _schedule_in_a_note(doc, inside, match.start()))):
            found[inside] = None
    for span in _in_schedule_blocks(doc):
        found.setdefault(span, None)
    return sorted(found.items())


def _lettered(doc: Document, table: Span, heading: int) -> bool:
    """Whether the table's headings, up to the row holding `heading`, print three or more of
    Rule 12-09's letters ("Column B"): "Balance at" over no "beginning" (a real schedule's
    "Balance at" / "Balance at") is a schedule's heading where the filing letters its columns."""
    return rule_letters_in(html.unescape(without_tags(doc.text[table[0]:_row_end(doc.text, heading, heading)])))


def _in_schedule_blocks(doc: Document) -> list[Span]:
    """The tables printing a balance and a movement inside the Schedule II text block
    (srt:ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock): the filer's own word that
    they are the schedule, under whatever heading (a note's, "Note 21. Allowances and Reserves")
    and however their columns are headed ("Balance at" over no "beginning": the heading search
    misses them).  The block's concept is found among the scanned words' starts ("valuation"),
    the document not searched again."""
    found: list[Span] = []
    for at in sorted(doc._word_starts(("valuation",)) or ()):
        if not doc.text.startswith(XBRL_SCHEDULE_BLOCK, at):
            continue
        from auditor.frontends.xbrl.facts import schedule_block_at  # (iXBRL only: not loaded for a plain page)

        for start, end in schedule_block_at(doc.text, at):
            inside = [span for span in doc.tables[bisect_left(doc.starts, start):bisect_left(doc.starts, end)]
                      if span[1] <= end]
            found += [span for span in _before_another_schedule(doc, start, inside) if may_hold_schedule(doc, span)]
    return found


def _before_another_schedule(doc: Document, start: int, tables: list[Span]) -> list[Span]:
    """The tables (in order, after `start`: a Schedule II text block's) before the first that
    another numbered schedule's heading stands over ("SCHEDULE IV", "MORTGAGE LOANS ON REAL
    ESTATE"): filers tag several schedules in one text block, and Schedule II's ends at the next
    one's heading (Schedule IV's reconciliation has Schedule II's columns).  Only the text between
    the block's tables is read (its titles and captions: the tables' own text is most of it), and
    each table's own first row (the heading typed as a row across it: `_titled_another_schedule`).
    Past the block's first table a note's heading ends it too, between tables or as a table's
    first row ("Note 7 - Reserves": the note after the schedule, inside the page a filer tags);
    over the first it is the filer's note the schedule is given in ("Note 21. Allowances and
    Reserves")."""
    reach = start
    for k, table in enumerate(tables):
        if (reach < table[0] and _heads_another_schedule(doc, reach, table[0], notes=k > 0)
                or _titled_another_schedule(doc, table)
                or (k > 0 and (_titled_a_note(doc, table) or _numbered_note_after_table(doc, table)))):
            return tables[:k]
        reach = max(reach, table[1])
    return tables


def _heads_another_schedule(doc: Document, start: int, end: int, notes: bool = False) -> bool:
    """Whether a block of text[start:end] heads another numbered schedule, or (`notes`) a note
    (as statement_headings finds them: labels.heads_another_statement)."""
    blocks = doc.texts_in(start, end)
    return any(numbers_a_statement(text) and (notes or SCHEDULE_WORD.search(text)) and not furniture(text)
               and heads_another_statement(_texts_from(blocks, k)) for k, (_, text) in enumerate(blocks))


def _titled_another_schedule(doc: Document, table: Span) -> bool:
    """Whether the table's first printed row heads another numbered schedule: filing software
    types a schedule's heading as a row across its table ("Schedule IV \u2014 Mortgage Loans on
    Real Estate"), where no text between tables holds it.  (Schedule II's own title row is its
    title: furniture, as a paragraph above the table is; so is "SCHEDULE VIII" over "VALUATION AND
    QUALIFYING ACCOUNTS" in the next row: the rows under the first are read as the lines under it.)"""
    return _first_row_heads(doc, table, ("chedule", "CHEDULE"), lambda text: SCHEDULE_WORD.search(text) is not None)


def _titled_a_note(doc: Document, table: Span, numbered: bool = True) -> bool:
    """Whether the table's first printed row heads a note ("NOTE 5. ALLOWANCE FOR DOUBTFUL
    ACCOUNTS", "Note 7 - Reserves") that names no title of Schedule II's: the heading typed as a
    row across the note's table, as `_titled_another_schedule` reads another schedule's; the table
    is that note's, as under the heading printed over it.  (A note named by Schedule II's words,
    "Note 6 - Valuation and Qualifying Accounts", is the schedule's information in the notes: its
    row a title, read as one.)  `numbered`: by its number alone too ("5. Reserves",
    `_first_row_numbered_a_note`), asked of a table not right under Schedule II's title (there
    a numbered first row is the schedule's account's caption, as in text)."""
    return _first_row_heads(doc, table, ("Note", "NOTE"),
                            heads_a_note) or numbered and _first_row_numbered_a_note(doc, table)


def _first_row_numbered_a_note(doc: Document, table: Span) -> bool:
    """Whether the table's first printed row heads a note by its number alone ("5. Reserves",
    "(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS": labels.heads_a_note numbered, as text's first row), no
    figures in that row, where no other block of the table is numbered alike (a list of accounts
    numbers each) and none prints that number as a footnote's marker ("Deductions (5)":
    labels.marks_a_footnote)."""
    start, heading = table[0], ""
    for m in BLOCK.finditer(doc.text, table[0], min(table[1], table[0] + ROW_REACH)):
        heading, start = doc.plain(start, m.start()), m.end()
        if heading:
            break
    # (The first printed block asked first: most tables' opens with no number, their blocks not read.)
    if not heading or not heads_a_note(heading, numbered=True):
        return False
    blocks = doc.texts_in(table[0], table[1])
    if not blocks:
        return False
    row_end = _row_end(doc.text, blocks[0][0], table[1])
    row = [text for at, text in blocks if at < row_end]
    rest = [text for at, text in blocks if at >= row_end]
    heading = row[0]
    number = note_number(heading)
    return (heads_a_note(heading, numbered=True) and number is not None and not any(FIGURE.search(text) for text in row)
            and not any(heads_a_note(text, numbered=True) for text in rest) and not marks_a_footnote(number, rest))


def _first_row_heads(doc: Document, table: Span, words: tuple[str, ...], also: Callable[[str], bool]) -> bool:
    """Whether a block of the table's first printed row heads a note or another schedule
    (labels.heads_another_statement, the blocks under it read as the lines under it), one of
    `words` in it and `also` true of it."""
    end = min(table[1], table[0] + ROW_REACH)
    # (Most tables print none of the words: their blocks not read.  str.find, not a regex: a regex
    # search case aside costs ~100 instructions a character of a Workiva table's markup.)
    if all(doc.text.find(word, table[0], end) == -1 for word in words):
        return False
    blocks = doc.texts_in(table[0], end)
    if not blocks:
        return False
    end = _row_end(doc.text, blocks[0][0], table[1])
    return any(numbers_a_statement(text) and also(text) and not furniture(text)
               and heads_another_statement(_texts_from(blocks, k))
               for k, (at, text) in enumerate(blocks) if at < end)


def _heads_a_schedule(doc: Document, at: int, table: int) -> bool:
    """Whether the statement's heading at `at` (statement_headings, before the table at
    `table`) is a numbered schedule's, not a note's."""
    return SCHEDULE_WORD.search(doc.plain(at, min(at + TITLE_LINE, table))) is not None


# How many tables printing no schedule's words (a note's table of the receivables) may stand between
# a title and its schedule's table.
TABLES_PAST = 2


def _schedule_past(doc: Document, table: Span, title_end: int, limit: int) -> Optional[Span]:
    """Where the table right after a title prints no balance and movement (a note titled
    "Valuation and Qualifying Accounts" shows its receivables first), the first table after it,
    within the title's reach, that does; None where the first does, or none is found."""
    if may_hold_schedule(doc, table):
        return None
    for _ in range(TABLES_PAST):
        nxt = doc.next_table(table[1])
        if nxt is None or nxt[0] - title_end > REACH or nxt[0] >= limit:
            return None
        if may_hold_schedule(doc, nxt):  # (a note's heading between: that note's table, the title a mention)
            return None if (_another_statement_between(doc, title_end, nxt[0]) or _titled_a_note(doc, nxt)
                            or _numbered_note_after_table(doc, nxt)) else nxt
        table = nxt
    return None


EMPTY_TABLE = 5000  # (characters of markup: a table longer than this is not looked at as an empty one)


def _past_empty(doc: Document, table: Optional[Span]) -> Optional[Span]:
    """`table`, or where it prints nothing (an empty table a page break leaves,
    its rows all on the page before) the table after it, page furniture between."""
    while table is not None and table[1] - table[0] < EMPTY_TABLE and not doc.plain(*table):
        nxt = doc.next_table(table[1])
        if nxt is None or nxt[0] < table[1] or len(doc.plain(table[1], nxt[0])) > GAP_TEXT:
            break
        table = nxt
    return table


def _index_entry(doc: Document, match: re.Match[str], inside: Optional[Span]) -> bool:
    """Whether the title is an index's entry: its line (or, in an index
    table, its row) ends in the schedule's page ("... S-2", labels.INDEX_ENTRY)."""
    if inside is None:
        return is_index_entry(title_text(doc, match))
    return is_index_entry(doc.plain(match.start(), _row_end(doc.text, match.end(), match.end(), 2000)))


def _mention_over_title(doc: Document, earlier: Optional[re.Match[str]], inside: re.Match[str], table: Span) -> bool:
    """Whether the title a table was found under is a sentence above it naming
    the schedule (an auditor's report) and `inside`, in the table, a title's
    line: the table's title is its own first row."""
    return (earlier is not None and earlier.start() < table[0] and len(title_text(doc, earlier)) > TITLE_LINE
            and len(title_text(doc, inside)) <= TITLE_LINE)


# What may stand between another schedule's table and the next one that is still
# its own: a caption or two ("Reconciliation of mortgage loans on real estate:").
CAPTIONS_BETWEEN = 2


def _in_a_note(doc: Document, table: Span) -> bool:
    """Whether a note's heading ("Note 5 - Inventories") or another numbered
    schedule's stands between the table before `table` and it: a table under
    no title of Schedule II's, headed with its columns (a reserve's roll-forward
    in the notes), is that statement's, no Schedule II (as in text, where a
    table under no title is not read).  So is a table right after another
    schedule's table, a caption or two between (Schedule IV's reconciliation
    of mortgage loans under its table of loans: Schedule II's columns), and a
    table whose own first row is another schedule's heading.  A note's
    table printing no schedule's words (its receivables) between its heading and
    the table leaves the table the note's: the heading is looked for over it too."""
    before = _end_before(doc, table)
    if _another_statement_between(doc, before, table[0]) or _note_over_other_tables(doc, before) \
            or _numbered_above(doc, before, table):
        return True
    if _titled_another_schedule(doc, table) or _titled_a_note(doc, table):
        return True
    if not before or len(doc.printed(before, table[0])) > CAPTIONS_BETWEEN:
        return False
    previous = next(span for span in doc.tables if span[1] == before)
    return _under_another_schedule(doc, previous)


def _numbered_above(doc: Document, before: int, table: Span) -> list[str]:
    """The blocks right above `table` (after the table ending at `before`) heading a note by its
    number alone ("5. Reserves": labels.NUMBERED_NOTE), naming no schedule."""
    return [text for text in doc.printed(max(before, table[0] - REACH), table[0])
            if NUMBERED_NOTE.match(text) and not SCHEDULE_WORD.search(text)]


def _numbered_note_after_table(doc: Document, table: Span) -> bool:
    """Whether a note's heading numbered alone ("5. Reserves") stands right above `table`, under
    a table before it whose footnote it is not: its number printed as no marker in that table
    (labels.marks_a_footnote) nor the next of a run of footnotes above it ("(1) ..." "(2) ...").
    A table so headed after the schedule's is the note's (its roll-forward of the same reserve),
    not the schedule's next part."""
    before = _end_before(doc, table)
    blocks = doc.printed(max(before, table[0] - REACH), table[0]) if before else []
    numbered = [k for k, text in enumerate(blocks) if NUMBERED_NOTE.match(text) and not SCHEDULE_WORD.search(text)]
    if not numbered:  # (the common case: asked first, the table above not printed)
        return False
    previous = next((span for span in doc.tables if span[1] == before), None)
    marked = doc.printed(*previous) if previous is not None else []
    for k in numbered:
        number = note_number(blocks[k])
        if number is None or marks_a_footnote(number, marked):
            continue
        if not (k and note_number(blocks[k - 1]) == str(int(number) - 1)):
            return True
    return False


def _note_over_other_tables(doc: Document, before: int) -> bool:
    """Whether a note's heading stands over the tables ending at `before` that print no balance
    and movement (up to TABLES_PAST: a note's table of the receivables, then the roll-forward,
    as `_schedule_past` looks past them from a title), right before the first of them."""
    for _ in range(TABLES_PAST):
        previous = next((span for span in doc.tables if span[1] == before), None) if before else None
        if previous is None or may_hold_schedule(doc, previous):
            return False
        before = _end_before(doc, previous)
        if _another_statement_between(doc, before, previous[0]):
            return True
    return False


def _schedule_in_a_note(doc: Document, table: Span, heading: int) -> bool:
    """Whether a table a note's heading stands over ("Note 21. Allowances and Reserves": Rule
    12-09 lets a filer give the schedule's information in the notes) is Schedule II all the
    same, as the filing itself says: its text block tagged with the schedule's concept
    (xbrl.facts.in_schedule_block), or its columns lettered as Rule 12-09 letters them
    ("COL. A" ... "COL. E"), no other numbered schedule's heading over it (Schedule IV's
    columns are lettered too).  A note's roll-forward of an allowance says neither: not read."""
    if doc.text.find("<ix:nonNumeric", max(0, table[0] - REACH), table[0]) != -1:
        from auditor.frontends.xbrl.facts import schedule_block_start  # (iXBRL only: not loaded for a plain page)

        start = schedule_block_start(doc.text, table[0])
        if start is not None and _before_another_schedule(doc, start, _tables_from(doc, start, table))[-1:] == [table]:
            return True
    if not _lettered(doc, table, heading) or _titled_another_schedule(doc, table):
        return False
    over = _heading_over(doc, table)
    return over is None or not _heads_a_schedule(doc, over, table[0])


def _tables_from(doc: Document, start: int, table: Span) -> list[Span]:
    """The tables starting from `start` on, up to `table` and it."""
    return doc.tables[bisect_left(doc.starts, start):bisect_left(doc.starts, table[0]) + 1]


def _heading_over(doc: Document, table: Span) -> Optional[int]:
    """Where the nearest note's or other schedule's heading over `table` starts
    (statement_headings): between the table before it and it, or, past tables printing no
    balance and movement (a note's table of the receivables, Schedule IV's table of loans
    over its reconciliation), over the first of them (up to TABLES_PAST); None where none
    is.  Never further back: a page's <title>, an earlier statement's heading, is not
    this table's."""
    for _ in range(TABLES_PAST + 1):
        before = _end_before(doc, table)
        over = [at for at in doc.statement_headings(table[0]) if at >= before]
        if over:
            return over[-1]
        previous = next((span for span in doc.tables if span[1] == before), None) if before else None
        if previous is None or may_hold_schedule(doc, previous):
            return None
        table = previous
    return None


def past_tables(doc: Document, start: int, table: Span) -> int:
    """Where the last table wholly between `start` and `table` ends (`start`: none)."""
    i = bisect_left(doc.starts, start)
    return max((end for _, end in doc.tables[i:bisect_left(doc.starts, table[0])] if end <= table[0]), default=start)


def _end_before(doc: Document, table: Span) -> int:
    """Where the last table ending before `table` ends (0: none)."""
    i = bisect_left(doc.starts, table[0])
    return max((end for _, end in doc.tables[:i] if end <= table[0]), default=0)


def _under_another_schedule(doc: Document, table: Span) -> bool:
    """Whether another numbered schedule's heading ("SCHEDULE IV") stands
    between the table before `table` and it, or in its own first row (not a
    note's: a note's tables after its first are asked of on their own)."""
    before = _end_before(doc, table)
    return any(at >= before and SCHEDULE_WORD.search(doc.plain(at, min(at + TITLE_LINE, table[0])))
               for at in doc.statement_headings(table[0])) or _titled_another_schedule(doc, table)




def _another_statement_between(doc: Document, start: int, end: int) -> bool:
    """Whether a note's heading ("Note 9 - Stock Options") or another numbered
    schedule's ("SCHEDULE III") stands between a title and a table: the
    table is that statement's, the title a mention (as in text: locate)."""
    return any(at >= start for at in doc.statement_headings(end))


AMOUNT = re.compile(r"\d,\d{3}|\$")  # a figure, not a year
ACCOUNT_STARTS = ("allowance", "reserve", "valuation", "provision", "doubtful", "uncollectible", "obsole")


def named_candidates(doc: Document) -> list[Span]:
    """Tables with no title that a valuation account's name is printed in or
    just above: the only candidates for a schedule printed with the years as
    columns under its accounts' captions alone (a 20-F's "Allowance for
    doubtful accounts" over its table)."""
    found: set[Span] = set()
    for match in doc.matches(ACCOUNT_WORD, ACCOUNT_STARTS):
        inside = doc.enclosing(match.start())
        after = doc.next_table(match.end()) if inside is None else None
        if inside and not AMOUNT.search(doc.text, inside[0], match.start()):
            found.add(inside)  # (named above its figures: in a heading or a caption row, not a statement's line)
        elif after and after[0] - match.end() <= CAPTION_REACH:
            found.add(after)
    return sorted(found)


# Words any Schedule II table prints, in its headings or (years as columns) its rows.


def may_hold_schedule(doc: Document, span: Span, headings: Optional[Headings] = None) -> bool:
    """A quick look at a candidate table's text before it is parsed into a grid:
    a table of contents or an exhibit index that names Schedule II has no
    balance and no movement in it (parsing one costs as much as the schedule)."""
    if doc.holds(BALANCE_WORD, *span) and doc.holds(MOVEMENT_WORD, *span):
        return True
    return _rules_words(doc.plain(*span), headings)


def holds_schedule_words(text: str, headings: Optional[Headings] = None) -> bool:
    """Whether a table's plain text prints a balance's word and a movement's."""
    if BALANCE_WORD.search(text) and MOVEMENT_WORD.search(text):
        return True
    return _rules_words(text, headings)


def _rules_words(text: str, headings: Optional[Headings], at: int = 0) -> bool:
    """Whether the rules' words of a balance and of any role are found in the
    text (a balance's from `at` on)."""
    return headings is not None and headings.balances.search(text, at) and headings.every.search(text)


# How far before the join of a table and the part after it the rules' heading
# patterns are tried again: farther than any heading's words run (the rules'
# patterns match a few words: "balance at beginning of period").
JOIN_REACH = 200


def may_hold_joined(doc: Document, span: Span, end: int, headings: Optional[Headings] = None) -> bool:
    """`may_hold_schedule` of the table `span` and the part after it up to
    `end` read as one, where the table alone may not (a page break cut it
    right after its first rows): each table's text searched once.  The
    balance and movement words are a word each, never across the join: they
    are searched in the part after it alone.  The rules' patterns may run
    across it: they are tried from a little before it on (none matched the
    table's text alone, since every role's patterns hold the balances')."""
    joined = doc.joined(span[0], span[1], end)
    if joined is None:
        return holds_schedule_words(doc.plain(span[0], end), headings)
    text, at = joined
    rest = (span[1], end)
    if (doc.holds(BALANCE_WORD, *rest) or doc.holds(BALANCE_WORD, *span)) and (
            doc.holds(MOVEMENT_WORD, *rest) or doc.holds(MOVEMENT_WORD, *span)):
        return True
    return _rules_words(text, headings, max(0, at - JOIN_REACH))


CELL_END = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
# A cell printing a figure: "1,047", "$ 527", "(220)", "15.5", a nil ("--", "None"); a bare year ("2003")
# heads a column, it is no figure.
# (No two runs of spaces side by side: a cell of spaces alone is tried in linear time.)
FIGURE_CELL = re.compile(rf"^(?!(?:19|20)\d\d$)(?:\$\s*)?(?:\((?:\$\s*)?)?\d[\d,]*(?:\.\d+)?\s*\)?%?$|^(?:{NIL})$",
                         re.IGNORECASE)


def _prints_figures(text: str, at: int) -> bool:
    """Whether the table row holding `at` prints a figure in a cell after the
    one holding it: a row label, not a title, whatever words it shares with
    one (a column of "Valuation accounts acquired" printed as a row)."""
    stop = _row_end(text, at, at + ROW_REACH)
    first = CELL_END.search(text, at, stop)
    if first is None:
        return False
    cells = CELL_END.split(text[first.end():stop])
    return any(FIGURE_CELL.match(html.unescape(without_tags(cell)).replace("\xa0", " ").strip()) for cell in cells)


def _heading_row(text: str, at: int) -> bool:
    """Whether the rest of the row after "Balance at beginning" reads as more
    headings (a row label of a note's roll-forward is followed by figures)."""
    rest = html.unescape(without_tags(text[at : _row_end(text, at, at + ROW_REACH)]))
    return not FIGURE.search(rest) and MORE_HEADINGS.search(rest) is not None


def _among_headings(text: str, table: Span, match: re.Match[str]) -> bool:
    """Whether the title's words are a column's heading: their row heads the balance at
    beginning too (a note's roll-forward headed "Valuation accounts acquired" is untitled)."""
    row = text.rfind("<tr", table[0], match.start())
    return row != -1 and HEADING.search(text, row, _row_end(text, match.end(), match.end())) is not None


def _row_end(text: str, at: int, otherwise: int, reach: int = ROW_REACH) -> int:
    """Where the table row holding `at` ends (at the next row's tag), looked for `reach`
    characters on; `otherwise` where none stands so near."""
    end = ROW_END.search(text, at, at + reach)
    return end.start() if end else otherwise


def title_text(doc: Document, match: re.Match[str]) -> str:
    """The title's whole line as printed: the text of the block that holds it."""
    text = doc.text
    block = re.compile(r"</?(?:p|div|td|th|tr|h\d|center|table|li)\b[^>]*>", re.IGNORECASE)
    left = max(0, match.start() - 400)
    opens = list(block.finditer(text, left, match.start()))
    start = opens[-1].end() if opens else left
    close = block.search(text, match.end(), match.end() + 400)
    end = close.start() if close else match.end()
    return doc.plain(start, end)[:200]
