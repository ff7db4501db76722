"""Tables built of elements styled display:table, written as <table> tags.

Converters from page-layout software and some filing software print a
table as <div>s (or rows of <span>s or <p>s) styled `display:table`,
`display:table-row` and `display:table-cell`.  A browser lays them out as
a table; the locator and the grid reader know <table>, <tr> and <td>.
Each such element's tags are written over as those tags, padded with
spaces to the length they had, so that every character keeps its offset,
line and column: the table is then found, read and located by the one
path every <table> takes (no second reading stage).  Only the
display:table-* styles make a table: a <div> laid out otherwise is left
as it is, and so is a "table" with no row holding a cell (a layout trick
that centres a block), one whose end cannot be written over in place, and
one whose headings' row has fewer cells than its rows of figures (shown
over other columns than theirs: unread and said so, never misread).
A CSS cell spans no columns: in the rows of headings, a heading's empty
cells after it are its span (`_spans`).

Asked only where the document's scan found "table" followed by "-cell"
(any case): a document without it costs a look at its "table" words.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Iterator, Optional, Sequence

from auditor.frontends.html.grid import SPAN_MARK

# What a display value before "table" looks like (the text just before the word, lower-cased).
DISPLAY = re.compile(r"display\s*:\s*(?:inline-)?$")
# The display values after "table" that make a structure: the rest (row and
# header groups, columns, captions) lay out no cell and are left as they are.
ROLES = {"": "table", "-row": "row", "-cell": "cell"}
SUFFIX = re.compile(r"(-row-group|-header-group|-footer-group|-column-group|-column|-caption|-row|-cell)?(?![\w-])")
# A tag: its name and attributes (quoted values may hold ">").  No "<" inside, quoted or
# not: each try stops at the next "<", so a run of unclosed "<a" stays linear.
TAG = re.compile(r"<(/?)([a-zA-Z][\w:.-]*)((?:[^<>\"']|\"[^<\"]*\"|'[^<']*')*)>")
VOID = {"br", "img", "hr", "meta", "input", "col", "link", "area", "base", "wbr", "source", "param", "embed"}
LOOK_BACK = 30  # characters before "table" a display property may start in ("display :  inline-")
TABLE_CLOSE = "</table>"


@dataclass
class _Element:
    role: Optional[str]  # "table" | "row" | "cell" | None (any other element)
    name: str
    open: tuple[int, int]  # the start tag's (start, end)
    close: Optional[tuple[int, int]] = None  # the end tag's (start, end), if written
    empty: bool = False  # written "<div .../>"
    children: list["_Element"] = field(default_factory=list)  # the elements with a role directly under it


def as_tables(text: str, table_words: Sequence[int]) -> Optional[str]:
    """`text` with every display:table structure written as table tags of the
    same length, or None where it has none (`table_words`: where the word
    "table" starts, case aside, from the document's scan)."""
    if not any(text[at + 5 : at + 10].lower() == "-cell" for at in table_words):
        return None
    roles = _styled(text, table_words)
    classes = _table_classes(text, table_words)
    if classes:
        roles.update({at: role for at, role in classed_starts(text, classes).items() if at not in roles})
    edits: dict[int, tuple[int, str]] = {}
    reach = 0
    for start, role in sorted(roles.items()):
        if role == "table" and start >= reach:
            top, reach = _walk(text, start, roles)
            if top is not None and _is_table(top):
                edits.update(_written(text, top))
    if not edits:
        return None
    out, at = [], 0
    for start in sorted(edits):
        end, new = edits[start]
        out.append(text[at:start])
        out.append(new)
        at = end
    out.append(text[at:])
    written = "".join(out)
    return written if len(written) == len(text) else None


def _styled(text: str, table_words: Sequence[int]) -> dict[int, str]:
    """Where each start tag styled display:table, -row or -cell starts -> its role."""
    found: dict[int, str] = {}
    for at in table_words:
        role = _display_role(text, at)
        start = text.rfind("<", 0, at)
        # (a start tag's: not an end tag's, nor a "<!--" holding a <style> block's rules)
        if role is None or start < 0 or ">" in text[start:at] or not text[start + 1 : start + 2].isalpha():
            continue
        found[start] = role
    return found


def _display_role(text: str, at: int) -> Optional[str]:
    """The role ("table", "row", "cell") the word "table" at `at` sets as a display value
    (display:table, -row, -cell, `DISPLAY` right before it), or None."""
    if not DISPLAY.search(text[max(0, at - LOOK_BACK) : at].lower()):
        return None
    suffix = SUFFIX.match(text[at + 5 : at + 25].lower())
    return ROLES.get(suffix.group(1) or "") if suffix else None


CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([\w-]+))""", re.IGNORECASE)
RULE_REACH = 500  # how far before a display value its rule's "{" may be (a rule's declarations)
SELECTOR_REACH = 300  # how long a rule's selectors may be
TAG_REACH = 2000  # how far a class attribute may be from its tag's "<" and ">"
MOST_CLASSES = 64  # (a stylesheet of a page-layout converter names a few: more is no table's)


def _table_classes(text: str, table_words: Sequence[int]) -> dict[str, str]:
    """class -> role ("table", "row", "cell") of the rules of the document's
    <style> blocks that set display:table, -row or -cell on a class
    (`.r{display:table-row}`): converters write their tables' layout as classes
    in the head, and `<div class="r">` in the body.  Linear: each "table" word
    is visited once, its rule looked for at most RULE_REACH characters back."""
    found: dict[str, str] = {}
    for at, block in _in_style_blocks(text, table_words):
        role = _display_role(text, at)
        brace = text.rfind("{", max(block, at - RULE_REACH), at)
        if role is None or brace == -1 or text.find("}", brace, at) != -1:
            continue
        selectors = rule_selectors(text, max(block, brace - SELECTOR_REACH), brace)
        for part in (selectors or "").split(","):
            name = class_selected(part)
            if name and (name in found or len(found) < MOST_CLASSES):
                found[name] = role  # (a later rule of a class wins, as in CSS)
    return found


def class_selected(selector: str) -> Optional[str]:
    """The class a selector of one class names (`.r`, `div.r`), or None: descendant,
    attribute and other selectors are not read (string tests, no pattern: linear)."""
    element, dot, name = selector.strip().partition(".")
    def word(w: str) -> bool:
        return bool(w) and all(ch.isalnum() or ch in "-_" for ch in w)
    return name if dot and word(name) and (not element or word(element)) else None


def rule_selectors(text: str, start: int, brace: int) -> Optional[str]:
    """The selectors of the rule whose "{" is at `brace`: after the last "}", "{",
    ">" or comment end before it (at most from `start`), or None where none is."""
    ends = [(text.rfind(mark, start, brace), len(mark)) for mark in ("}", "{", ">", "*/", "<!--")]
    at, width = max(ends)
    return None if at == -1 else text[at + width : brace]


def _in_style_blocks(text: str, table_words: Sequence[int]) -> Iterator[tuple[int, int]]:
    """(offset, where its <style> tag starts) of each "table" word inside a <style>
    block: the last tag before it (comments aside) is a <style> start tag.  The
    words in order, each look back only as far as the word before: linear."""
    block: Optional[int] = None
    before = 0
    for at in table_words:
        last = text.rfind("<", before, at)
        while last != -1 and text.startswith("<!--", last):
            last = text.rfind("<", before, last)
        if last != -1:
            block = last if text[last : last + 6].lower() == "<style" else None
        before = at
        if block is not None:
            yield at, block


def classed_starts(text: str, classes: dict[str, str]) -> dict[int, str]:
    """Where each start tag of a class the <style> blocks make a table, row or
    cell starts -> its role.  An element's own style naming a display is its
    display: a class's is not read there."""
    found: dict[int, str] = {}
    for m in CLASS_ATTR.finditer(text, 0, text.rfind(">") + 1):
        value = m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
        role = next((classes[c] for c in value.split() if c in classes), None)
        if role is None:
            continue
        start = text.rfind("<", max(0, m.start() - TAG_REACH), m.start())
        end = text.find(">", m.end(), m.end() + TAG_REACH)
        if start < 0 or end < 0 or ">" in text[start : m.start()] or text[start + 1 : start + 2] in "/!":
            continue
        if "display" in text[start:end].lower():
            continue
        found[start] = role
    return found


def _walk(text: str, start: int, roles: dict[int, str]) -> tuple[Optional[_Element], int]:
    """The element opened at `start` and every element with a role inside it,
    read from their tags; and where it ends (None: never closed)."""
    stack: list[_Element] = []
    top: Optional[_Element] = None
    for m in TAG.finditer(text, start):
        name = m.group(2).lower()
        if m.group(1):
            k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].name == name), None)
            if k is None:
                continue  # (an end tag of nothing open: a browser ignores it)
            for element in stack[k:]:  # (the ones above it are closed by it, unwritten)
                element.close = (m.start(), m.end()) if element is stack[k] else None
            del stack[k:]
            if not stack:
                return top, m.end()
            continue
        parent = next((e for e in reversed(stack) if e.role is not None), None)
        element = _Element(roles.get(m.start()), name, (m.start(), m.end()))
        if element.role is not None and parent is not None:
            parent.children.append(element)
        if top is None:
            top = element
        if name in VOID or m.group(3).rstrip().endswith("/"):
            element.empty = True
            if top is element:
                return None, m.end()
            continue
        stack.append(element)
    return None, len(text)


def _is_table(table: _Element) -> bool:
    """A table: closed, and a row of it holds a cell (else a layout trick)."""
    return table.close is not None and any(
        row.role == "row" and row.close is not None and any(c.role == "cell" for c in row.children)
        for row in table.children)


def _written(text: str, table: _Element) -> dict[int, tuple[int, str]]:
    """start -> (end, text written there) for the table's tags, its rows' and
    cells', and those of the tables in its cells."""
    edits: dict[int, tuple[int, str]] = {table.open[0]: (table.open[1], _start_tag("table", text, table.open))}
    assert table.close is not None
    rows = [row for row in table.children if row.role == "row" and row.close is not None]
    texts = [[_text(text, c) for c in row.children if c.role == "cell"] for row in rows]
    headings = _headings_row(texts)
    if headings is not None and not _aligned(texts, headings):
        return {}
    cells_of = [[c for c in row.children if c.role == "cell"] for row in rows]
    spans_of = _spans(text, cells_of, texts, headings)
    if spans_of is None:
        return {}
    for k, row in enumerate(rows):
        assert row.close is not None  # (rows never closed are left out above)
        edits[row.open[0]] = (row.open[1], _start_tag("tr", text, row.open))
        edits[row.close[0]] = (row.close[1], _end_tag("tr", row.close))
        spans = spans_of.get(k, {})
        for i, cell in enumerate(cells_of[k]):
            span = spans.get(i, 1)
            if span == 0:  # (carried by the heading before it: no cell of its own)
                for tag in (cell.open, cell.close):
                    if tag is not None:
                        edits[tag[0]] = (tag[1], " " * (tag[1] - tag[0]))
                continue
            edits[cell.open[0]] = (cell.open[1], _start_tag("td", text, cell.open, cell.empty, span))
            if cell.close is not None:
                edits[cell.close[0]] = (cell.close[1], _end_tag("td", cell.close))
            for inner in cell.children:
                if inner.role == "table" and _is_table(inner):
                    edits.update(_written(text, inner))
    own = {c.close[1]: c.close[0] for row in rows for c in [row, *row.children] if c.close is not None}
    return _closed(text, table.close, edits, own)


def _headings_row(texts: list[list[str]]) -> Optional[int]:
    """The row of the columns' own headings: of the rows above the first
    figure, the one printing the most (the last of those): the one over the
    figures (a heading over a group of columns is printed above it)."""
    from auditor.frontends.html.locate import FIGURE_CELL  # (the locator imports this module)

    best: Optional[int] = None
    for k, row in enumerate(texts):
        if any(FIGURE_CELL.match(t) for t in row):
            break
        if best is None or sum(map(bool, row)) >= sum(map(bool, texts[best])):
            best = k
    return best


def _aligned(texts: list[list[str]], headings: int) -> bool:
    """Whether the row of headings has a cell over every column a row prints
    a figure in.  A CSS table's columns are its cells in order: where the
    headings' row has fewer cells than the rows of figures (a converter that
    dropped the spans), a browser shows the headings over other columns than
    their figures, and no reading of it can be trusted: left unread (and
    said so), never read into the wrong columns."""
    from auditor.frontends.html.locate import FIGURE_CELL  # (the locator imports this module)

    return all(len(row) <= len(texts[headings]) for row in texts if any(FIGURE_CELL.match(t) for t in row))


def _spans(text: str, cells_of: list[list[_Element]], texts: list[list[str]],
           headings: Optional[int]) -> Optional[dict[int, dict[int, int]]]:
    """row -> (cell -> the grid columns it spans) for the rows of headings: a
    CSS cell spans no columns, so a converter keeping a table's columns
    aligned writes a heading over several (the "$" and the figure) as its
    text in the first cell and empty cells after it.  In the columns' own
    headings row each empty cell after a heading is its (0), up to the next
    cell with text; in a row above it, only as far as the column below it
    reaches (a heading over a group of columns is read over its first).
    None where a span cannot be written (`_heading_spans`)."""
    if headings is None:
        return {}
    own = _heading_spans(text, cells_of[headings], texts[headings], None)
    if own is None:
        return None
    reach: dict[int, int] = {}
    for i in range(len(cells_of[headings])):
        span = own.get(i, 1)
        reach.update({j: i + span - 1 for j in range(i, i + span)})
    found = {headings: own}
    for k in range(headings):
        above = _heading_spans(text, cells_of[k], texts[k], reach)
        if above is None:
            return None
        found[k] = above
    return found


def _heading_spans(text: str, cells: list[_Element], texts: list[str],
                   reach: Optional[dict[int, int]]) -> Optional[dict[int, int]]:
    """index of a cell -> the grid columns it spans (0: an empty cell a heading
    before it carries), each heading taking the empty cells after it up to the
    next with text, or up to `reach` (index -> the last it may take; None: any).
    None where a heading's start tag is too short to say its span even by
    SPAN_MARK ('<p>' holds no '<td \x01=2>'): read so, a heading would stand
    over the column before its figures', so the table is left unread."""
    spans: dict[int, int] = {}
    heading: Optional[int] = None
    for i, (cell, shown) in enumerate(zip(cells, texts)):
        if shown or cell.close is None and not cell.empty or cell.children:
            heading = i if shown else None
            continue
        if heading is None or (reach is not None and i > reach.get(heading, heading)):
            heading = None
            continue
        wider = spans.get(heading, 1) + 1
        tag = cells[heading].open
        if len(f"<td {SPAN_MARK}={wider}>") > tag[1] - tag[0]:
            return None  # (no room to write the span: the heading would stand over another column)
        spans[heading] = wider
        spans[i] = 0
    return spans


def _text(text: str, cell: _Element) -> str:
    """What a cell prints, its tags and spaces aside."""
    if cell.empty or cell.close is None:
        return ""
    inside = html.unescape(re.sub(r"<[^>]*>", " ", text[cell.open[1] : cell.close[0]]))
    return " ".join(inside.replace("\xa0", " ").split())


def _start_tag(name: str, text: str, span: tuple[int, int], empty: bool = False, columns: int = 1) -> str:
    """<name> padded to the tag's length (a start tag styled so is longer than
    '<td colspan="19"/>'; one of a class, `<div class="c">`, is not: its span
    written unquoted, '<td colspan=2>', or shorter still, `<p class="c">`, by
    SPAN_MARK; where none fits, a cell of one column)."""
    end = "/>" if empty else ">"
    width = span[1] - span[0]
    heads = (f'<{name} colspan="{columns}"', f"<{name} colspan={columns}", f"<{name} {SPAN_MARK}={columns}") \
        if columns > 1 else ()
    head = next((h for h in heads if len(h) + len(end) <= width), f"<{name}")
    return f"{head}{' ' * (width - len(head) - len(end))}{end}"


def _end_tag(name: str, span: tuple[int, int]) -> str:
    """</name> padded to the tag's length, or spaces where it does not fit
    ("</p>"): the next row or cell, or the table's end, closes it."""
    width = span[1] - span[0]
    return f"</{name}{' ' * (width - len(name) - 3)}>" if width >= len(name) + 3 else " " * width


def _closed(text: str, close: tuple[int, int], edits: dict[int, tuple[int, str]],
            ends: dict[int, int]) -> dict[int, tuple[int, str]]:
    """The edits with the table's end written: "</table>" is longer than
    "</div>", so it is written over the run of end tags and spaces that ends
    the table (its last cell's, its last row's, its own).  In the run's last
    line where it fits; else at the run's start, the run's line breaks after
    it and its last line blanked to its length: every character after the
    run keeps its line and column (the run prints nothing).  Left unwritten
    where the run is too short (the table is then not read, and said so)."""
    start = close[0]  # (`ends`: its rows' and cells' end tags, end -> start)
    while True:
        back = start
        while back > 0 and text[back - 1] in " \t\r\n":
            back -= 1
        if back not in ends:
            start = back
            break
        start = ends[back]
    run = text[start : close[1]]
    last = run.rsplit("\n", 1)[-1]
    breaks = run.count("\n")
    if len(last) >= len(TABLE_CLOSE):
        written = "".join("\n" if ch == "\n" else " " for ch in run[: -len(TABLE_CLOSE)]) + TABLE_CLOSE
    elif len(run) - breaks - len(last) >= len(TABLE_CLOSE):
        written = TABLE_CLOSE.ljust(len(run) - breaks - len(last)) + "\n" * breaks + " " * len(last)
    else:
        return {}
    kept = {s: v for s, v in edits.items() if not start <= s < close[1]}
    kept[start] = (close[1], written)
    return kept
