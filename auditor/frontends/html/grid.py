"""Read one HTML <table> into a grid of cells, each character keeping its place.

The stdlib `html.parser` reads the markup: it tolerates whatever EDGAR
filers produced (unclosed <td>, unquoted attributes, stray "&") and, unlike
lxml, reports the line and column of every tag, text run and entity, so a
figure's first character can be located exactly in the .htm file.  Only the
located tables are ever fed to it.  `colspan`/`rowspan` are resolved into
grid columns here; what the cells mean is `html_layout`'s business.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Callable, Literal, Optional, Sequence

from auditor.errors import InputError

# Inline tags that start a new visual line or block inside a cell: a space.
BREAKS = {"br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
_BLANKS = str.maketrans("\n\r\t\f", "    ")  # (a cell's line breaks and tabs read as spaces)
# Characters that print nothing, left out of a cell's text: the zero-width space filing software
# of 2008-2018 (Workiva) fills empty cells with ("&#8203;" alone is an empty cell, "$&#8203;" a
# "$"), its kin, and the soft hyphen layout software marks a word's breaks with ("Deduc&#173;tions").
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]+")
# Of those, the blocks that set a cell's text on lines of its own (a <br> ends a line even when it is empty).
BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"}
MAX_SPAN = 200  # a colspan beyond this is a typo; real Schedule II grids are < 60 wide
# An element a browser does not show: its text is not printed (a duplicate fact or a
# member's name some filing software hides in place, inside a cell).
NOT_SHOWN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
VOID = {"br", "img", "hr", "col", "wbr", "input", "meta", "link", "area", "base", "embed", "source"}


# What a cell holds (figures.kind): nothing, figures and their marks, marks alone, or text.
CellKind = Literal["blank", "figure", "mark", "text"]


@dataclass(frozen=True)
class Fact:
    """An inline XBRL ix:nonFraction around a figure: its sign and format."""

    sign: Optional[str]
    format: Optional[str]
    scale: Optional[str]


@dataclass
class HtmlCell:
    row: int  # index of its <tr> in the table
    column: int = 0  # grid column of its left edge, 0-based (set when the grid is laid)
    colspan: int = 1
    rowspan: int = 1
    line: int = 0  # of the <td> tag
    chars: list[str] = field(default_factory=list)  # one character each
    places: list[tuple[int, int, int]] = field(default_factory=list)  # (line, column, end column) of each character
    facts: list[Optional[Fact]] = field(default_factory=list)  # Fact or None, per character
    sup: list[bool] = field(default_factory=list)  # inside <sup>, per character
    # Where each printed line after the first starts (an index into chars): a <br>, or a <p> or <div>
    # after text.  (`stacked` reads rows a word processor printed inside one <tr>, a line a row.)
    line_starts: list[int] = field(default_factory=list)
    # A lone minus sign in the currency cell before its figure's digits ("-" | "813": filing
    # software printing the sign where the "$" goes), as the layout found it (`marks.signs`).
    sign: bool = False
    # A "(1)" alone after a figure, that figure's footnote marker though under the next
    # column's heading (`marks.notes`).
    note: bool = False
    # A "(1)" right after a figure that the table does not tell a note's marker from the row's
    # figure: the grid columns (column, colspan) it takes read the other way (`remap._moved`).
    either: Optional[tuple[int, int]] = None
    # The cell's tokens once read (figures.tokens): the layout asks for them again and again.  Not
    # copied by `replace`: a cell moved or cut is a new cell, its tokens its own (tokens carry their cell).
    token_cache: Optional[list[Any]] = field(default=None, init=False, repr=False, compare=False)
    kind_cache: Optional[CellKind] = field(default=None, init=False, repr=False, compare=False)  # (figures.kind, asked as often)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    @property
    def last(self) -> int:
        return self.column + self.colspan - 1

    def covers(self, column: int) -> bool:
        return self.column <= column <= self.last


@dataclass
class Grid:
    rows: list[list[HtmlCell]]  # per <tr>: its cells (origins only), left to right
    width: int
    row_lines: list[int]  # line of each <tr>
    caption: str = ""
    # (layout.frame's result, once asked: the front end frames a table to keep it, the layout again to build it)
    framed: Optional[tuple[Any]] = field(default=None, repr=False, compare=False)


# (line, offset) in a table's text -> (line, column) in the file's laid-out lines
Place = Callable[[int, int], tuple[int, int]]

# A start tag of the plainest form: a name of word characters, every value in
# double quotes with no "<" or ">" in it, the tag's spaces ASCII's (" ", tab,
# line breaks: the only ones every `html.parser` ends a name at).  `html.parser`
# reads such a tag from its own characters alone (no pattern it tries looks past
# its ">"): the name and each attribute's name lowered, each value unescaped
# (`html.unescape`, where it holds an "&"), empty where written "<td/>".  So it
# is read here as the parser reads it, once per table: an inline XBRL table
# repeats a few dozen tags hundreds of times (a 10-K's schedule: 571 start
# tags, 56 KB of its 60, 109 of them different), and the parser's reading of
# a tag's attributes, a pattern tried per attribute, was most of its work (a
# parser made and run for each different tag, 11 M instructions of ibm-2024's
# check).  Only the tags a table's cells are made of: no element whose content
# the parser reads apart (<script>, <title>).  Any other tag is read in place
# by the parser itself.
_PLAIN_TAG = re.compile(r'<([a-zA-Z][\w:.-]*)((?:[ \t\n\r\f]+[\w:.-]+="[^"<>]*")*)[ \t\n\r\f]*(/?)>')
# An end tag of the plainest form ("</td>", "</ix:nonFraction>"): its name, lowered, is all
# `html.parser` reads of it (its `endtagfind` with no spaces), read once per table too.
_PLAIN_END_TAG = re.compile(r"</([a-zA-Z][-.a-zA-Z0-9:_]*)>")
_CELL_TAGS = {"td", "th", "tr", "span", "div", "p", "font", "b", "i", "u", "sup", "sub", "br", "a", "strong",
              "em", "small", "big", "center", "hr", "img", "col", "colgroup", "tbody", "thead", "tfoot", "table",
              "caption", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ix:nonfraction", "ix:nonnumeric",
              "ix:exclude"}
# The attribute `divs` writes a CSS heading's span as where its start tag is too short to hold
# '<td colspan=2>' ('<p class="c">' -> '<td \x01=2>'): a control character, which no HTML
# document may hold, so only a table written there spans columns by it.
SPAN_MARK = "\x01"
# (tag, attributes, whether written empty "<td/>") of a plain tag's text
Read = tuple[str, tuple[tuple[str, Optional[str]], ...], bool]


def _read_tag(text: str) -> Optional[Read]:
    """How `html.parser` reads the start tag `text`, where it is a plain
    cell's tag (None: read it in place)."""
    plain = _PLAIN_TAG.fullmatch(text)
    if plain is None:
        return None
    tag = plain.group(1).lower()
    if tag not in _CELL_TAGS:
        return None
    # (its attributes ' a="x" b="y"' split at their quotes: ' a=', 'x', ' b=', 'y', '')
    pieces = plain.group(2).split('"')
    attrs = tuple((name.strip()[:-1].lower(), html.unescape(value) if "&" in value else value)
                  for name, value in zip(pieces[0::2], pieces[1::2]))
    return tag, attrs, plain.group(3) == "/"


class _Reader(HTMLParser):
    def __init__(self, snippet: str, place: Place, most: Optional[int] = None):
        super().__init__(convert_charrefs=False)
        self.most = most  # grid columns a row may span; past them the table is refused as it is read
        self.snippet = snippet
        # (line, offset) in the snippet -> (line, column) in the file's laid-out
        # lines; the pipeline maps columns back through tabs, as for text.
        self.place = place
        self.local_starts = [0] + [m.end() for m in re.finditer("\n", snippet)]
        self.rows: list[list[HtmlCell]] = []
        self.row_lines: list[int] = []
        self.caption: list[str] = []
        self.cell: Optional[HtmlCell] = None
        self.depth = 0  # <table> nesting: inner tables are text of the outer cell
        # The facts whose elements hold the text read: None for an ix:exclude inside one
        # (a marker set in the figure's element, "5,269<ix:exclude>(1)</ix:exclude>", is not its value).
        self.facts: list[Optional[Fact]] = []
        self.sup, self.skip = 0, 0
        self.in_caption = False  # inside the table's <caption> (its title or units, never cells)
        self.spanned = 0
        self.line_text = False  # text printed on the current cell's current line (not only spaces)
        self.tags: dict[str, Optional[Read]] = {}  # each start tag's text as read (`_read_tag`)
        self.end_tags: dict[str, str] = {}  # each end tag's text -> its name ("": read in place)
        self.entities: dict[str, str] = {}  # each entity's text ("&nbsp", "&#160") -> its character
        # Inside an element styled display:none in a cell: how deep (0: not hiding), and its tag.
        # A cell's end ends it too (an old page's <p style="display:none"> left open hides no other cell).
        self.hidden, self.hidden_tag = 0, ""

    def parse_starttag(self, i: int) -> int:
        """`HTMLParser.parse_starttag`, a plain tag read once per table (`_PLAIN_TAG`)."""
        close = self.rawdata.find(">", i)
        text = self.rawdata[i : close + 1] if close != -1 else ""
        if text in self.tags:
            read = self.tags[text]
        else:
            read = self.tags[text] = _read_tag(text) if text else None
        if read is None:
            return super().parse_starttag(i)
        tag, attrs, empty = read
        self.lasttag = tag
        self._HTMLParser__starttag_text = text  # (what get_starttag_text() gives, as the parser sets it)
        if empty:
            self.handle_startendtag(tag, list(attrs))
        else:
            self.handle_starttag(tag, list(attrs))
        return close + 1

    def parse_endtag(self, i: int) -> int:
        """`HTMLParser.parse_endtag`, a plain end tag read once per table (`_PLAIN_END_TAG`), but
        inside a <script> or <style>, whose text the parser reads up to its own end tag."""
        if self.cdata_elem is not None:
            return super().parse_endtag(i)
        close = self.rawdata.find(">", i)
        text = self.rawdata[i : close + 1] if close != -1 else ""
        tag = self.end_tags.get(text)
        if tag is None:
            plain = _PLAIN_END_TAG.fullmatch(text)
            tag = self.end_tags[text] = plain.group(1).lower() if plain else ""
        if not tag:
            return super().parse_endtag(i)
        self.handle_endtag(tag)
        return close + 1

    # structure ------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
            return
        if tag == "table":
            self.depth += 1
        if tag == "caption" and self.depth == 1:
            self.in_caption, self.cell = True, None
            return
        if tag in ("tr", "td", "th") and self.depth == 1:
            self.in_caption = False  # a <caption> left open ends where the rows begin
            self.hidden = 0
        if self.depth > 1 or tag not in ("tr", "td", "th"):
            if self.hidden:
                self.hidden += tag == self.hidden_tag
                return
            text = self.get_starttag_text() or ""
            if "isplay" in text and tag not in VOID and NOT_SHOWN.search(text):  # (the substring first: cheap)
                self.hidden, self.hidden_tag = 1, tag
                return
            self._inline_start(tag, attrs)
            return
        line = self.place(*self.getpos())[0]
        if tag == "tr" or not self.rows:
            self.cell = None
            self.rows.append([])
            self.row_lines.append(line)
            self.spanned = 0  # the row's colspans so far: its width at least
        if tag in ("td", "th"):
            named = dict(attrs)
            self.cell = HtmlCell(len(self.rows) - 1, colspan=_span(named.get("colspan") or named.get(SPAN_MARK), MAX_SPAN),
                                 rowspan=_span(named.get("rowspan"), 1000), line=line)
            self.rows[-1].append(self.cell)
            self.line_text = False
            self.spanned += self.cell.colspan
            if self.most is not None and self.spanned > self.most:
                raise too_wide(self.row_lines[0], line, self.most)

    def _inline_start(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag == "ix:nonfraction":
            named = dict(attrs)  # (only a fact's attributes are read: a 10-K's cells nest spans and divs)
            self.facts.append(Fact(named.get("sign"), named.get("format"), named.get("scale")))
        elif tag == "ix:exclude" and self.facts:
            # (a marker set in the figure's element: raised or not, read apart as a <sup>'s,
            # so "(93<ix:exclude>(1)</ix:exclude>)" is 93's marker inside its parentheses)
            self.facts.append(None)
            self.sup += 1
        elif tag == "sup":
            self.sup += 1
        elif tag in BREAKS or tag == "table":
            self._line_break(tag)
            self._add(" ", self.getpos(), 0)

    def _line_break(self, tag: str) -> None:
        """A new line of the cell's own text (not of a table inside it): at a
        <br>, always; at a block's edge, only after text (a browser's blank
        line is a <br>'s, or a block holding only a space: "<p>&nbsp;</p>")."""
        cell = self.cell
        if cell is None or self.depth != 1 or self.skip or tag not in BLOCKS and tag != "br":
            return
        if tag == "br" or self.line_text:
            cell.line_starts.append(len(cell.chars))
            self.line_text = False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        # Inline XBRL is XHTML: filing software writes an empty cell as <td colspan="3"/>,
        # a cell all the same (its span places every cell after it).
        if self.depth <= 1 and tag in ("tr", "td", "th"):
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)
        elif tag in BREAKS:
            self._line_break(tag)
            self._add(" ", self.getpos(), 0)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            if tag != "table" and (self.depth > 1 or tag not in ("tr", "td", "th")):
                self.hidden -= tag == self.hidden_tag
                return
            self.hidden = 0  # (a cell's or the table's end)
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "caption" and self.depth == 1:
            self.in_caption = False
        elif tag == "table":
            self.depth -= 1
            if self.depth >= 1:
                self._add(" ", self.getpos(), 0)
        elif self.depth > 1 or tag not in ("tr", "td", "th"):
            if self.facts and (tag == "ix:nonfraction" or tag == "ix:exclude" and self.facts[-1] is None):
                self.sup = max(0, self.sup - (self.facts.pop() is None))
            elif tag == "sup":
                self.sup = max(0, self.sup - 1)
            elif tag in BREAKS:
                self._line_break(tag)
                self._add(" ", self.getpos(), 0)
        else:
            self.cell = None

    # text -------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.in_caption:
            self.caption.append(data)
        self._add(data, self.getpos(), 1)

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name}")

    def offset_of(self, line: int, offset: int) -> int:
        return self.local_starts[line - 1] + offset

    def _entity(self, ref: str) -> None:
        character = self.entities.get(ref)
        if character is None:
            character = self.entities[ref] = html.unescape(ref + ";")
        if self.in_caption:
            self.caption.append(character)
        line, offset = self.getpos()
        at = self.offset_of(line, offset) + len(ref)
        width = len(ref) + (self.snippet[at : at + 1] == ";")
        self._add(character, (line, offset), 0, width)

    def _add_visible(self, text: str, pos: tuple[int, int], step: int, width: int) -> None:
        """`_add` of the pieces of `text` around its invisible characters, each at its own place."""
        line, offset = pos
        at = 0
        for m in INVISIBLE.finditer(text):
            self._add_piece(text[at:m.start()], (line, offset), at, step, width)
            at = m.end()
        self._add_piece(text[at:], (line, offset), at, step, width)

    def _add_piece(self, piece: str, pos: tuple[int, int], at: int, step: int, width: int) -> None:
        """`piece`, which starts `at` characters into a text added at `pos` (lines counted through it)."""
        if not piece:
            return
        line, offset = pos
        if step:
            before = self.snippet[self.offset_of(line, offset) : self.offset_of(line, offset) + at]
            breaks = before.count("\n")
            line, offset = (line + breaks, at - before.rindex("\n") - 1) if breaks else (line, offset + at)
        self._add(piece, (line, offset), step, width)

    def _add(self, text: str, pos: tuple[int, int], step: int, width: int = 1) -> None:
        """Append `text`; each character's place advances by `step` (0: all at `pos`)."""
        cell = self.cell
        if self.skip or cell is None or self.hidden:
            return
        if not text.isascii() and INVISIBLE.search(text):
            self._add_visible(text, pos, step, width)
            return
        line, column = self.place(*pos)
        if text.strip(" \n\r\t\f"):
            self.line_text = True
        fact = self.facts[-1] if self.facts else None
        # (Each list is extended once for the text: a cell's characters were
        # appended one at a time to four lists, for each of the table's characters.)
        cell.facts.extend([fact] * len(text))
        cell.sup.extend([bool(self.sup)] * len(text))
        if not step or "\n" not in text:
            blank = "\n" in text or "\r" in text or "\t" in text or "\f" in text
            cell.chars.extend(text.translate(_BLANKS) if blank else text)
            cell.places.extend([(line, column + step * i, column + step * i + width) for i in range(len(text))])
            return
        for ch in text:
            at = column
            cell.chars.append(" " if ch in "\n\r\t\f" else ch)
            cell.places.append((line, at, at + width))
            if ch == "\n":
                line, column = line + 1, 1
            else:
                column += step


def _span(value: Optional[str], most: int) -> int:
    if value is None:
        return 1  # (most cells: no exception raised and caught for each)
    try:
        return max(1, min(most, int(str(value).strip().rstrip(";").strip('"'))))
    except (TypeError, ValueError):
        return 1


def read(text: str, start: int, end: int, line_starts: Sequence[int], most: Optional[int] = None) -> Grid:
    """The grid of the table text[start:end] (`text` is the source joined by
    newlines); an input error if it is wider than `most` grid columns."""
    first_line = bisect_right(line_starts, start)
    first_column = start - line_starts[first_line - 1] + 1

    def place(line: int, offset: int) -> tuple[int, int]:
        n = first_line + line - 1
        column = (first_column + offset) if line == 1 else offset + 1
        return n, column

    reader = _Reader(text[start:end], place, most)
    reader.feed(reader.snippet)
    reader.close()
    grid = _lay(reader.rows, reader.row_lines, most)
    grid.caption = " ".join("".join(reader.caption).split())
    return grid


def _lay(rows: list[list[HtmlCell]], row_lines: list[int], most: Optional[int] = None) -> Grid:
    """Give each cell its grid column, honouring colspan and rowspan: a cell
    starts at the first column no rowspan from above covers.  Per grid
    column, the last row a rowspan covers and that cell's last column, so a
    covered run is skipped at once (a set of every covered (row, column)
    grew with rows times colspans, and was scanned for every row)."""
    bottom: list[int] = []  # per grid column: the last row covered from above (-1: none)
    right: list[int] = []  # per grid column: the last column of the cell covering it that far
    width = 0
    for r, cells in enumerate(rows):
        column = 0
        for cell in cells:
            while column < len(bottom) and bottom[column] >= r:
                column = right[column] + 1
            cell.column = column
            column += cell.colspan
            if most is not None and column > most:
                raise too_wide(row_lines[0], row_lines[r], most)
            last_row = r + min(cell.rowspan, len(rows) - r) - 1
            if last_row > r:
                _cover(bottom, right, cell, last_row)
        width = max(width, column)
    return Grid(rows, width, row_lines)


def too_wide(table_line: int, line: int, most: int) -> InputError:
    return InputError(f"the table at line {table_line} is more than {most:,} columns wide "
                      "(no schedule is a hundredth that wide)", None, line)


def _cover(bottom: list[int], right: list[int], cell: HtmlCell, last_row: int) -> None:
    """The cell's columns covered down to `last_row` (kept where a cell above covers them further)."""
    if len(bottom) <= cell.last:
        grow = cell.last + 1 - len(bottom)
        bottom.extend([-1] * grow)
        right.extend([-1] * grow)
    for c in range(cell.column, cell.last + 1):
        if last_row >= bottom[c]:
            bottom[c], right[c] = last_row, cell.last
