"""Markup a browser does not print (display:none), blanked in place.

Filing software hides what it needs in the file but not on the page: a row
or a cell kept for the XBRL tagging (`<tr style="display:none">`), Workiva's
hidden columns (`<td colspan="3" style="display:none"/>` in every row), a
title or heading of another layout, ix:header's hidden facts.  A browser
lays the page out without them (a hidden cell takes no column), so the
reader must too: each element styled display:none, by its own style or by
a class a `<style>` block hides (`.hide{display:none}`), is written over
with spaces from its start tag to its end, its line breaks kept, so every
character after it keeps its offset, line and column (as `divs` writes a
CSS table).  A hidden table cell or row ends where the next one starts, as
unclosed HTML 3.2 cells do; any other element at its own end tag, and never
past the cell or row it stands in (an old page's `<p style="display:none">`
left open hides no other cell).

Linear: "isplay" is found with `str.find`, each hidden element's end with one
scan of its structure's tags; each distinct start tag is read by the tag
pattern once (a Workiva 10-K hides the same cell in every row).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Callable, Iterator, Optional, Sequence

from auditor.frontends.html.divs import (MOST_CLASSES, RULE_REACH, SELECTOR_REACH, TAG, VOID, class_selected,
                                         classed_starts, rule_selectors)

Span = tuple[int, int]
Tag = tuple[str, bool, int]  # (a start tag's name, whether it closes itself, where it ends: `_start_tag`)

NONE_VALUE = re.compile(r"(?<!\s)\s*+:\s*+none\b", re.IGNORECASE)  # (after "display"; a run of spaces tried once)
# The tags that end a hidden cell or row (a cell's own end tag, the next cell, row or table edge).
STRUCTURE = re.compile(r"<(/?)(td|th|tr|table|tbody|thead|tfoot)\b", re.IGNORECASE)
CELL_EDGES = ("</td", "</th", "</tr", "<td", "<th", "<tr", "</table")
BUDGET = 4  # times the text's length the ends of hidden elements may be looked for over (linear)
HEADER = "<ix:header"  # (inline XBRL's header, `_holds_header`)
TAG_REACH = 2000  # how far a start tag's first ">" is looked for, to know it again (`_start_tag`)
UNCLOSED_REACH = 20000  # how far an element never closed is looked into for the cell it stands in


def blanked(text: str, table_words: Optional[Sequence[int]] = None,
            display_words: Optional[Sequence[int]] = None) -> Optional[tuple[str, list[Span]]]:
    """`text` with every element styled display:none written over with
    spaces (line breaks kept), and the spans blanked in order; None where
    nothing is hidden.  `table_words`: where the word "table" starts, case
    aside (the document's scan), to tell an element inside a table from one
    outside every table (None: each is taken to be inside one).
    `display_words`: where "display" starts, case aside, outside inline XBRL's
    header (the same scan; None: searched here)."""
    styled, rules = _declarations(text, display_words)
    starts = set(styled)
    if rules:
        starts.update(classed_starts(text, rules))
    if not starts:
        return None
    depth = _table_depth(text, table_words)
    spans: list[Span] = []
    reach = 0
    budget = [BUDGET * len(text) + 100_000]  # characters the ends may be looked for over, in all
    # (the next "<ix:header" at or after the element asked of: one pass over the text for all of them,
    # where Workiva's 10-Ks hide thousands of cells after their one header)
    header = text.find(HEADER)
    tags: dict[str, Tag] = {}  # (each distinct start tag read once: khc-2023 hides 3,415 cells of one tag)
    for start in sorted(starts):
        if header != -1 and header < start:
            header = text.find(HEADER, start)
        if start < reach or header != -1 and _holds_header(text, start):
            continue  # (inside an element already hidden; or inline XBRL's header, see `_holds_header`)
        if budget[0] < 0:
            break  # (hostile markup, thousands of hidden elements never closed: the rest left to `grid`)
        end = _element_end(text, start, depth(start), budget, tags)
        if end is not None:
            spans.append((start, end))
            reach = end
    if not spans:
        return None
    out, at = [], 0
    for start, end in spans:
        out.append(text[at:start])
        out.append(_spaces(text[start:end]))
        at = end
    out.append(text[at:])
    return "".join(out), spans


def _holds_header(text: str, start: int) -> bool:
    """Whether the hidden element at `start` opens with inline XBRL's ix:header: it
    holds the hidden facts, contexts and references, never a table nor a title,
    and runs to 700 KB: left as it is (writing it over cost a tenth of a 10-K's
    check), as before hidden markup was blanked."""
    end = text.find(">", start)
    return end != -1 and text[end + 1 : end + 200].lstrip().startswith(HEADER)


def _table_depth(text: str, table_words: Optional[Sequence[int]]) -> Callable[[int], bool]:
    """Whether an offset is inside a table: more <table> start tags than end
    tags before it."""
    if table_words is None:
        return lambda at: True
    tags, opened = [], 0
    for at in table_words:
        if text[at - 1 : at] == "<":
            opened += 1
        elif text[at - 2 : at] == "</":
            opened -= 1
        else:
            continue
        tags.append((at, opened))
    starts = [at for at, _ in tags]

    def inside(at: int) -> bool:
        k = bisect_left(starts, at) - 1
        return k >= 0 and tags[k][1] > 0
    return inside


def outside(positions: Sequence[int], spans: Sequence[Span], starts: Optional[Sequence[int]] = None) -> list[int]:
    """The sorted `positions` not inside any of the sorted, disjoint `spans` (`starts`: the
    spans' starts, where the caller keeps them).  A word of a few hundred places among
    thousands of hidden elements (khc-2023: 3,415) is placed a place at a time, each by one
    bisection of the spans: walking the spans for each of the document's words was two
    bisections a span a word, 60,000 for a 10-K."""
    if len(positions) < len(spans):
        if starts is None:
            starts = [start for start, _ in spans]
        return [at for at in positions if (k := bisect_right(starts, at) - 1) < 0 or at >= spans[k][1]]
    kept: list[int] = []
    at = 0
    for start, end in spans:
        first = bisect_left(positions, start, at)
        kept.extend(positions[at:first])
        at = bisect_left(positions, end, first)
    kept.extend(positions[at:])
    return kept


def _spaces(run: str) -> str:
    """`run` written over with spaces, its line breaks kept (a line at a time: ix:header runs long)."""
    if "\n" not in run:
        return " " * len(run)  # (a hidden cell's tag alone, most of them)
    return "\n".join(" " * len(line) for line in run.split("\n"))


def _displays(text: str, words: Optional[Sequence[int]] = None) -> Iterator[int]:
    """Where each "display" followed by ": none" starts ("d" or "D", then "isplay"
    or "ISPLAY"), those of "isplay" first.  `words`: where "display" starts case
    aside, outside inline XBRL's header (no element there is blanked,
    `_holds_header`): two `str.find` passes over a 10-K's 1.2 MB saved."""
    for needle in ("isplay", "ISPLAY"):
        if words is not None:
            yield from (at for at in words if text.startswith(needle, at + 1) and NONE_VALUE.match(text, at + 7))
            continue
        at = text.find(needle, 1)
        while at != -1:
            if text[at - 1] in "dD" and NONE_VALUE.match(text, at + 6):
                yield at - 1
            at = text.find(needle, at + 6)


def _declarations(text: str, words: Optional[Sequence[int]] = None) -> tuple[list[int], dict[str, str]]:
    """The start tags styled display:none (where each starts), and the classes
    the rules of <style> blocks hide (class -> "none"); `words`: `_displays`'."""
    styled: list[int] = []
    classes: dict[str, str] = {}
    for at in _displays(text, words):
        last = text.rfind("<", 0, at)
        if last == -1:
            continue
        if text[last + 1 : last + 2].isalpha() and ">" not in text[last:at]:
            if text[last : last + 6].lower() != "<style":
                styled.append(last)  # (a start tag's own style)
                continue
        if not _in_style_block(text, last, at):
            continue
        brace = text.rfind("{", max(0, at - RULE_REACH), at)
        if brace == -1 or text.find("}", brace, at) != -1:
            continue
        for part in (rule_selectors(text, max(0, brace - SELECTOR_REACH), brace) or "").split(","):
            name = class_selected(part)
            if name and (name in classes or len(classes) < MOST_CLASSES):
                classes[name] = "none"
    return styled, classes


def _in_style_block(text: str, last: int, at: int) -> bool:
    """Whether `at` is inside a <style> block: the last tag before it (comments aside) is
    <style>'s start tag (`last`: where the last "<" before it is)."""
    while last != -1 and text.startswith("<!--", last):
        last = text.rfind("<", 0, last)
    return last != -1 and text[last : last + 6].lower() == "<style"


def _element_end(text: str, start: int, in_table: bool, budget: list[int], tags: dict[str, Tag]) -> Optional[int]:
    """Where the element whose start tag is at `start` ends (past its end tag,
    or where the cell or row it stands in ends), or None where it is no
    element (a start tag that does not parse, an element never closed)."""
    name, closed, after = _start_tag(text, start, tags)
    if not name:
        return None
    if name in VOID or closed:
        return after
    if name in ("td", "th", "tr"):
        return _structure_end(text, after, name, budget)
    return _inline_end(text, after, name, in_table, budget)


def _start_tag(text: str, start: int, tags: dict[str, Tag]) -> Tag:
    """The start tag at `start` read by TAG: its name (lower case; "" where it is
    no start tag), whether it closes itself ("/>"), and where it ends.  A tag
    read to its first ">" is kept by its text in `tags` (`blanked`'s): TAG
    reads a tag to its first ">" outside quotes, which the tag's own text
    decides, so the same text anywhere reads the same."""
    close = text.find(">", start, start + TAG_REACH)
    key = text[start : close + 1] if close != -1 else ""
    known = tags.get(key) if key else None
    if known is not None:
        return known[0], known[1], start + known[2]
    tag = TAG.match(text, start)
    if tag is None or tag.group(1):
        return "", False, start
    read = (tag.group(2).lower(), tag.group(3).rstrip().endswith("/"), tag.end() - start)
    if tag.end() == close + 1:
        tags[key] = read
    return read[0], read[1], tag.end()


def _structure_end(text: str, after: int, name: str, budget: list[int]) -> int:
    end = _structure_end_at(text, after, name)
    budget[0] -= end - after
    return end


def _structure_end_at(text: str, after: int, name: str) -> int:
    """The end of a cell or row: its own end tag, else where the next cell (or,
    of a row, the next row) or its table's edge starts; tables inside it aside."""
    depth = 0
    ends = ("td", "th") if name != "tr" else ("tr",)
    for m in STRUCTURE.finditer(text, after):
        closing, tag = bool(m.group(1)), m.group(2).lower()
        if tag == "table":
            if not closing:
                depth += 1
                continue
            if depth:
                depth -= 1
                continue
            return m.start()  # (the table's end: the cell or row ends before it)
        if depth:
            continue
        if closing and tag in ends:
            close = text.find(">", m.end())
            return close + 1 if close != -1 else m.end()
        if not closing and (tag in ends or tag == "tr") or tag in ("tbody", "thead", "tfoot") or closing and tag == "tr":
            return m.start()
    return len(text)


def _inline_end(text: str, after: int, name: str, in_table: bool, budget: list[int]) -> Optional[int]:
    """Past the end tag closing the element `name` opened before `after`
    (`_closing`), cut where the cell or row it stands in ends first (`in_table`:
    it stands inside a table): an element holding no table ends at a cell's
    edge; one holding tables (a hidden copy of a table) only where they all close."""
    end = _closing(text, after, name)
    budget[0] -= (end if end is not None else len(text)) - after
    if not in_table and end is not None:
        return end  # (outside every table: the common case, ix:header's 700 KB, no look inside)
    inside = text[after : end if end is not None else after + UNCLOSED_REACH].lower()
    if "<table" in inside:
        if end is None or inside.count("<table") != inside.count("</table"):
            return None  # (a hidden block around part of a table: left to the grid's own reading)
        return end
    edges = [k for k in (inside.find(edge) for edge in CELL_EDGES) if k != -1]
    if edges:
        return after + min(edges)
    return end


def _closing(text: str, after: int, name: str) -> Optional[int]:
    """Past the end tag closing the element `name` opened before `after`,
    elements of the name inside it counted (the name in lower or upper case:
    `str.find`, no pattern and no lowered copy, over ix:header's 700 KB of
    tags); None where it is never closed."""
    names = {name, name.upper()}
    depth, at = 1, after
    while True:
        close = min((k for k in (text.find("</" + n, at) for n in names) if k != -1), default=-1)
        if close == -1:
            return None
        for n in names:
            k = text.find("<" + n, at, close)
            while k != -1:
                depth += _named(text, k + 1 + len(n))
                k = text.find("<" + n, k + 1, close)
        depth -= _named(text, close + 2 + len(name))
        end = text.find(">", close)
        if end == -1:
            return None
        if depth == 0:
            return end + 1
        at = end + 1


def _named(text: str, after: int) -> bool:
    """Whether the name before `after` ends there (not "<pre" for "<p")."""
    return after < len(text) and not (text[after].isalnum() or text[after] in "_:.-")
