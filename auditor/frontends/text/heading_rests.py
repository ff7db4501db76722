"""Headings wrapped by the filer's software: each heading line's rest set back on its line.

Where a table's every line was wrapped, its headings too, the words that no
longer fitted on a heading's line went on a line of their own, from column 1
(or a few blanks in), the blanks at the cut lost.  `wrapped` finds the table's
columns (the rows' figures, or the runs of a wrapped rule under the headings);
each heading's rest is set back where its words stand over the same columns
wherever it may have started (its first word past the margin, its last at the
edge), or else at the one place leaving each column's joined heading naming
what its place holds.  Where neither decides, the table is refused at the rest.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Collection, Iterator, NamedTuple, Optional, Sequence, TypeVar

from auditor.errors import InputError
from auditor.frontends.text.headings import Vocabulary, names_a_movement
from auditor.labels import (ADDITIONS_WORD, BALANCE_DATE, BALANCE_WORD, HEADING_TAIL, NOTE_MARK, NUMBERED_MARK,
                            RULE_CAPTION_WORD, RULE_LETTER)
from auditor.lazy_pattern import lazy_compile

# How far a heading centred over the last column may reach past its figures (wider than they are).
OVERHANG = 2
# The most places times groups times columns a heading's rest is tried at (a Schedule II's: some hundreds).
MOST_TRIES = 100_000
# A rest's place: where its first character stands set back, and its rest's rest's (0: none).
Place = tuple[int, int]


class Moved(NamedTuple):
    """A line's part set back on the line above it (or two above: the rest of a row whose label was
    wrapped too, set back on the label's first line)."""

    first: int  # the first column (1-based) it stands at, set back
    down: int  # how many lines below it is printed
    right: int  # how many columns right it was moved


def place_headings(out: list[str], shift: dict[int, tuple[Moved, ...]], headings: Sequence[tuple[int, str]],
                    edge_and_width: tuple[int, int], columns: Sequence[tuple[int, int]], block: tuple[int, int],
                    path: str, vocabulary: Vocabulary, lost_blanks: Collection[int] = ()) -> None:
    """Each heading's rest set back on its line where its place is sure: where its words stand over the
    same columns wherever it may have started (`_placements`), else where one place alone leaves every
    column's heading naming what such a column may hold (`_heads_fit`: the headings `block`, lines first
    to last); an input error at the rest where not.  `vocabulary`: the rules file's headings, which
    name the movements' two ways (`_one_way`); `lost_blanks`: the rests' rests told only by the blanks
    lost at the second cut (their first word would have fitted after their rest as printed)."""
    edge, width = edge_and_width
    undecided: list[tuple[int, str, dict[tuple[int, ...], int]]] = []
    rests: set[int] = set()
    home: dict[int, int] = {}  # a rest set back -> the line it was set back on
    tails: dict[int, tuple[int, str]] = {}  # a rest not placed yet -> its rest's rest
    printed = dict(headings)

    def settle_alone(m: int, b: str, place: Place, tail: Optional[tuple[int, str]]) -> None:
        """The rest on line `m` set back at its `place`, its rest's rest (`tail`, if any) after it."""
        set_back(out, shift, m, b, place[0])
        home[m] = m - 1
        if tail is not None:
            set_back(out, shift, tail[0], tail[1], place[1], m - 1)
            home[tail[0]] = m - 1

    def several(tail: Optional[tuple[int, str]]) -> bool:
        """Whether a rest's place may leave its rest's rest several: where the blanks before it were lost at
        the second cut (`lost_blanks`), the headings tell its place; else (its first word did not fit after its
        rest as printed) a place leaving it several is none, as a figure's ")" hanging past its column lets a
        rest just reach it ("RELATING TO" over the charges' "COSTS AND", its rest's rest then anywhere)."""
        return tail is not None and tail[0] in lost_blanks

    def tail_of(n: int, body: str) -> Optional[tuple[int, str]]:
        """The line under a rest where it may be its rest's rest (its words fit after the rest's)."""
        under = printed.get(n + 1)
        return (n + 1, under) if under is not None and _fits_after(under, body, width, edge) else None

    for n, body in headings:
        if n - 1 in rests and not _fits_after(body, printed[n - 1], width, edge):
            continue  # (a line typed whole from the margin, "DESCRIPTION ... OF YEAR": its words fit after no rest)
        if n - 1 in rests:
            if n - 1 in home:
                if out[n - 1].strip():  # (not set back with its rest)
                    _rest_of_rest(out, shift, (n, body), home, edge, columns)
            else:
                tails[n - 1] = (n, body)
            continue  # (under a rest not placed yet: placed after it, with it)
        most, over = edge - len(body) + 1 + OVERHANG, out[n - 2].rstrip()
        if is_tags(body):
            out[n - 2], out[n - 1] = "<S>", ""  # (the <S>/<C> line's last markers cut off: their columns are lost, the rules show them)
            continue
        if most < len(over) + 2:
            continue  # (it does not fit right of its line: a line of its own)
        least = _least(over, body, width)
        places = _placements(body, least, most, columns)
        rests.add(n)
        # (One place, its rest's rest at most one after it, set back with it; more than one: the rest's place
        # and its rest's rest's chosen together, as a rest's of several places.)
        if len(places) == 1:
            tail = tail_of(n, body)
            joined, tail = _with_tails((over, least), body, places, tail, (edge, several(tail)), columns)
            if len(joined) == 1:
                settle_alone(n, body, next(iter(joined)), tail)
                continue
        undecided.append((n, body, places))
    waiting = {n for n, _, _ in undecided}
    # (A rest's rest stands right of its rest: only the places leaving it one place over the columns
    # after it, each tried with its rest's rest set there: "COLUMN G" after "COLUMN C ... COLUMN F".)
    tried_with = {n: _with_tails((out[n - 2].rstrip(), _least(out[n - 2].rstrip(), body, width)), body, places,
                                 tails.get(n), (edge, several(tails.get(n))), columns)
                  for n, body, places in undecided}
    # (A waiting rest's rest set with it is tried with it, never where it is printed too.)
    waiting |= {tail[0] for tail in (tried_with[n][1] for n in waiting) if tail is not None}

    def settle(m: int, b: str, place: Place) -> None:
        """The rest on line `m` set back at its `place`, its rest's rest after it: neither waits now."""
        waiting.discard(m)
        tail = tried_with[m][1]
        if tail is not None:
            waiting.discard(tail[0])
        settle_alone(m, b, place, tail)

    for k, (n, body, places) in enumerate(undecided):
        if n not in waiting:
            continue  # (placed with the rests before it, `_jointly`)
        joined = tried_with[n][0]
        heading = _heading_block(out, shift, block, n)
        tried = [(place, _heads(out, heading, waiting, (n - 1, joined[place], place[0]), columns)) for place in joined]
        # (A column another waiting rest may yet be set over, on a line above its heading's first words, may gain
        # its heading's top words: "OF PERIOD" under "BALANCE AT END" still waiting opens on "OF" for now, which
        # shows nothing.)
        others = [(m - 1, places) for m, _, places in undecided if m in waiting and m != n]
        fitting = _lettered_last([(place, heads) for place, heads in tried if _heads_fit(
            heads, len(columns), vocabulary,
            _unfinished(out, heading, waiting, (n - 1, joined[place], place[0]), columns, others))])
        if len(fitting) > 1:  # (of several, the one place leaving every column's heading a stack unbroken, if one)
            stacked = [place for place in fitting if _stacked(out, heading, waiting, (n - 1, joined[place], place[0]), columns)]
            fitting = stacked if len(stacked) == 1 else fitting
        if len(fitting) > 1:  # (of several still, the one place leaving the balances' headings opening on their words)
            heads = dict(tried)
            opened = [place for place in fitting if _balances_open(heads[place], vocabulary)]
            fitting = opened if len(opened) == 1 else fitting
        if len(fitting) != 1:
            together = [(m, b) for m, b, _ in undecided[k:] if m in waiting]
            places_of = _jointly(out, heading, together, {m: tried_with[m][0] for m, _ in together}, columns, vocabulary)
            if places_of is not None:
                for m, b in together:
                    settle(m, b, places_of[m])
                continue
        if len(fitting) != 1:  # (of several still, none alone by the joint ways: the one the words tell, if one)
            heads = dict(tried)
            fitting = _told_apart([(place, heads[place], _continued(out[n - 2], joined[place], place[0], columns))
                                   for place in fitting], vocabulary)
        if len(fitting) > 1:  # (of several still, the one where the rest stands over the column after its line's)
            next_to = [place for place in fitting if _next_column(out[n - 2], joined[place], place[0], columns)]
            fitting = next_to if len(next_to) == 1 else fitting
        if len(fitting) != 1:
            raise InputError(f"a heading's words wrapped onto a line of their own over more than one column, "
                             f"wrapped by the filer's software? (their columns are not sure: no heading typed "
                             f"whole shows the table's right edge)", path, n)
        settle(n, body, fitting[0])


def _fits_after(body: str, rest: str, width: int, edge: int) -> bool:
    """Whether a line under a heading's rest (`rest`, as printed) may be its rest's rest: its words fit
    after the rest's, the rest set where its first word passed the width, within the edge."""
    words = rest.split()
    return not words or width - len(words[0]) + 2 + len(rest.strip()) + len(body) <= edge + OVERHANG


def _rest_of_rest(out: list[str], shift: dict[int, tuple[Moved, ...]], rest: tuple[int, str], home: dict[int, int],
                  edge: int, columns: Sequence[tuple[int, int]]) -> None:
    """A heading line wrapped twice (a rest's rest: "BALANCE AT" under the rest of a 160-column heading
    line) set back after its rest, on the line its rest was set back on, where its words stand over the
    same columns wherever it may start between there and the edge; else left a line of its own."""
    n, body = rest
    row = home[n - 1]
    over = out[row - 1].rstrip()
    places = _placements(body, len(over) + 2, edge - len(body) + 1 + OVERHANG, columns)
    if len(places) == 1:
        set_back(out, shift, n, body, next(iter(places.values())), row)
        home[n] = row


# The most ways several heading rests may stand together that are tried at once (`_jointly`).
MOST_TOGETHER = 4096


def _jointly(out: Sequence[str], heading: tuple[int, int], rests: Sequence[tuple[int, str]],
             joined: dict[int, dict[Place, str]], columns: Sequence[tuple[int, int]],
             vocabulary: Vocabulary) -> Optional[dict[int, Place]]:
    """Where several heading rests none of which has one place alone stand (`rests`, each line's
    places `joined`: place -> its words, its rest's rest after them) where they do together: the one way
    of setting them all that leaves every column's heading naming what its place holds and a stack
    unbroken ("ADDITIONS" and "CHARGED" both wrapped off the top lines, over the other accounts' column,
    each alone a line apart from its column's words); None where no way or more than one does."""
    ways = 1
    for n, _ in rests:
        ways *= len(joined[n])
    if len(rests) < 2 or not ways or ways > MOST_TOGETHER:
        return None
    # (each way, its columns' headings, its rests continued, its every rest opening over the column next right
    # of its line's words)
    found: list[tuple[dict[int, Place], list[str], bool, bool]] = []
    for starts in product(*(sorted(joined[n]) for n, _ in rests)):
        trial = list(out)
        continued = nearest = True
        for (n, _), place in zip(rests, starts):
            over, start = trial[n - 2].rstrip(), place[0]
            continued = continued and _continued(over, joined[n][place], start, columns)
            nearest = nearest and _next_column(over, joined[n][place], start, columns)
            trial[n - 2], trial[n - 1] = over + " " * (start - len(over) - 1) + joined[n][place], ""
        heads = _heads(trial, heading, set(), (0, "", 0), columns)
        if _heads_fit(heads, len(columns), vocabulary) and _stacked(trial, heading, set(), (0, "", 0), columns):
            found.append((dict(zip((n for n, _ in rests), starts)), heads, continued, nearest))
    one_way = [way for way, heads, _, _ in found if _one_way(heads, vocabulary)]
    if len(found) > 1 and len(one_way) == 1:  # (of several, the one no column's heading names both ways in)
        return one_way[0]
    if len(found) == 1:
        return found[0][0]
    # (of several still, the one the words tell: a real "Additions (Deductions)" heading left to them too)
    told = _told_apart([(k, heads, continued) for k, (_, heads, continued, _) in enumerate(found)], vocabulary)
    if len(told) > 1:  # (of several still, the one whose every rest stands over the column after its line's)
        nearest_ones = [k for k in told if found[k][3]]
        told = nearest_ones if len(nearest_ones) == 1 else told
    return found[told[0]][0] if len(told) == 1 else None


# A way of setting heading rests, as `_told_apart` is given it (a rest's place, or a joint way's number).
Way = TypeVar("Way")


def _told_apart(tried: Sequence[tuple[Way, Sequence[str], bool]], vocabulary: Vocabulary) -> list[Way]:
    """Of several ways of setting heading rests each leaving every column's heading naming its place
    (`tried`: each way, its columns' headings, whether its rests continue the words they were cut from,
    `_continued`), those its words tell, each test narrowing them where some pass it: the balances'
    headings opening on their words (`_balances_open`); each rest continuing its line where a connective
    binds them ("CHARGED" / "TO": "CHARGED TO" over one column; "FROM" / "OTHER"); no column's heading
    naming a word twice ("ADDITIONS ADDITIONS", "TO (CREDITED) TO": a rest set over its neighbour's); no
    column's heading joining a movement's own word onto a preposition (`_joined_to_a_way`)."""
    tests = (lambda heads, continued: _balances_open(heads, vocabulary), lambda heads, continued: continued,
             lambda heads, continued: not any(_word_twice(head) for head in heads),
             lambda heads, continued: not any(_joined_to_a_way(head) for head in heads))
    left = list(tried)
    for test in tests:
        passing = [way for way in left if test(way[1], way[2])]
        left = passing or left
    return [way[0] for way in left]


_WORD = lazy_compile(r"[A-Za-z]+")
# A preposition: the words after it are its object, not a heading of their own ("and", "or": joining two
# headings' words alike, "ADDITIONS AND (DEDUCTIONS)").
_PREPOSITION = lazy_compile(r"(?:of|to|at|for|in|from|by|with)", re.IGNORECASE)


def _joined_to_a_way(head: str) -> bool:
    """Whether a column's heading has a preposition before one of the movements' two ways' own words
    ("CHANGES DUE TO DEDUCTIONS (DESCRIBE)"): Rule 12-09's captions open on them ("Deductions (describe)",
    "Additions"), so a heading's rest ending on a preposition, set over such a caption, stands over the
    wrong column (its words go on into the other's: "CHANGES DUE TO ACQUISITIONS OR DISPOSITIONS")."""
    words = _WORD.findall(RULE_LETTER.sub("", head))
    return any(_PREPOSITION.fullmatch(a) and RULE_CAPTION_WORD.match(b)
               for a, b in zip(words, words[1:]))


def _word_twice(head: str) -> bool:
    """Whether a column's heading names a word twice, its Rule 12-09 letter aside."""
    words = [w.upper() for w in _WORD.findall(RULE_LETTER.sub("", head))]
    return len(set(words)) != len(words)


def _continued(over: str, body: str, start: int, columns: Sequence[tuple[int, int]]) -> bool:
    """Whether a heading's rest (`body`, set at `start` after its line `over`) stands over the column
    its line's last word stands over where a connective binds them: the line ending on one ("FROM",
    "TO": its heading goes on) or the rest opening on one ("TO", "OF": it goes on the words before
    it); true where none binds them."""
    last = list(_WORD_AT.finditer(over.rstrip()))
    first = body.split()
    if not last or not first:
        return True
    if not (HEADING_TAIL.fullmatch(last[-1].group()) or HEADING_TAIL.fullmatch(first[0]) or _opens_heading(over)):
        return True
    return (_over(columns, last[-1].start() + 1, last[-1].end())
            == _over(columns, start + len(body) - len(body.lstrip()), start + len(body) - len(body.lstrip())
                     + len(first[0]) - 1))


_WORD_AT = lazy_compile(r"\S+")
# A footnote's marker: labels.NOTE_MARK's, and "(1)" (one by its place: after a wrapped row's figure, or
# apart on a heading line, where it opens its column's heading).
MARK = rf"(?:{NOTE_MARK}|{NUMBERED_MARK})"
MARKER = lazy_compile(MARK)


def _opens_heading(over: str) -> bool:
    """Whether a heading line ends on a footnote's marker standing apart from the words before it
    ("BALANCE    CHARGED   (2)"): Rule 12-09's markers open their column's heading ("(2) Charged to other
    accounts"), so the words cut off after it go on over the marker's column."""
    groups = list(_GROUP.finditer(over.rstrip()))
    return bool(groups) and bool(MARKER.fullmatch(groups[-1].group()))


def _next_column(over: str, body: str, start: int, columns: Sequence[tuple[int, int]]) -> bool:
    """Whether a heading's rest (`body`, set at `start` after its line `over`) opens over the column next
    right of its line's last word: the software cut the line at the first word past its width, so the
    words went on where they stood, one gutter's blanks on; a rest set a whole column further on (every
    test of the words passing both) would leave the column between bare on the line its words were cut
    from, where the markers typed inside the columns widened them so the rest fits over either."""
    last = list(_WORD_AT.finditer(over.rstrip()))
    first = body.lstrip()
    if not last or not first:
        return False
    right = [k for k, (a, _) in enumerate(columns) if a > last[-1].end()]
    at = start + len(body) - len(first)
    opens = _over(columns, at, at + len(first.split()[0]) - 1)
    return bool(right) and opens == [min(right, key=lambda k: columns[k][0])]


def _one_way(heads: Sequence[str], vocabulary: Vocabulary) -> bool:
    """Whether no column's heading names both the additions and the deductions ("ADDITIONS CHARGED
    DEDUCTIONS WRITE-OFFS": a rest of the additions' heading set over the deductions' column): the
    additions by their spanner's word or a role the rules file adds by, the deductions by a role it
    subtracts by (a team's own word, "Abschreibungen", as the default's "Deductions")."""
    return not any((ADDITIONS_WORD.search(head) or vocabulary.add.search(head)) and vocabulary.subtract.search(head)
                   for head in heads)


def _least(over: str, body: str, width: int) -> int:
    """The first column a heading's rest may start at, set back after its line (`over`): its first word
    did not fit within the width, so it ended past it."""
    return max(len(over) + 2, width - len(body.split()[0]) + 2)


def _with_tails(over: tuple[str, int], body: str, places: dict[tuple[int, ...], int],
                tail: Optional[tuple[int, str]], edge_and_several: tuple[int, bool],
                columns: Sequence[tuple[int, int]]) -> tuple[dict[Place, str], Optional[tuple[int, str]]]:
    """A rest's places (each rest's place with each of its rest's rest's after it, `_with_tail` -> its
    words, its rest's rest's set after them), and its rest's rest; where no place leaves its rest's rest
    one, every place and none (the rest's rest a line of its own).  `over`: its line, and the first column
    it may start at (`_least`).  Each rest is tried at its place nearest the edge first; only where none
    leaves its rest's rest room, further left.  `edge_and_several`: the edge, and whether a place of the
    rest may leave its rest's rest several (`place_headings`' `lost_blanks`)."""
    for least in (None, over[1]):
        joined = {place: whole for start in places.values()
                  for place, whole in _with_tail(least or start, body, start, tail, edge_and_several, columns).items()}
        if tail is None or joined:
            return joined, tail
    return {(start, 0): body for start in places.values()}, None


def _with_tail(least: int, body: str, start: int, tail: Optional[tuple[int, str]], edge_and_several: tuple[int, bool],
               columns: Sequence[tuple[int, int]]) -> dict[Place, str]:
    """A rest's words set at `start` (or as far left, down to `least`, as keeps each word over the same
    column: the place nearest the edge may leave its rest's rest no room), its rest's rest (`tail`, if it
    has one) after them at each place where its words stand over the same columns wherever it may start up
    to the edge (`_placements`): each place -> the rest's words, its rest's rest's at their place after
    them; none where the rest's rest stands over no column from any of the rest's starts, or over several
    places where `edge_and_several` (the edge, whether it may) says it may not."""
    if tail is None:
        return {(start, 0): body}
    edge, several = edge_and_several
    spans = _spans(body)
    under = _groups_over(spans, start, columns)
    for at in range(start, least - 1, -1):
        if _groups_over(spans, at, columns) != under:
            break
        places = _placements(tail[1], at + len(body) + 1, edge - len(tail[1]) + 1 + OVERHANG, columns)
        if len(places) > 1 and not several:
            return {}
        if places:
            return {(at, after): body + " " * (after - at - len(body)) + tail[1] for after in places.values()}
    return {}


def _heading_block(out: Sequence[str], shift: dict[int, tuple[Moved, ...]], block: tuple[int, int],
                   n: int) -> tuple[int, int]:
    """The headings' lines (`block`, first to last) around a rest (line `n`): from the blank line above
    them (a rest's line emptied where it was set back is none: the gap the file leaves) down to the rule
    under them, where one stands under the rest; the title's lines above ("(In thousands)") and the
    captions between the rule and the first row ("Reserves deducted from asset accounts:") head no column."""
    rules = [k for k in range(n, block[1] + 1) if out[k - 1].strip() and is_rule(out[k - 1].strip())]
    emptied = {row + m.down for row, parts in shift.items() for m in parts}
    top = n - 1
    while top > block[0] and (out[top - 2].strip() or top - 1 in emptied):
        top -= 1
    return (top, rules[-1] - 1) if rules else (top, block[1])


def _balances_open(heads: Sequence[str], vocabulary: Vocabulary) -> bool:
    """Whether the balances' columns' headings (counted from the right: the last, the closing, and the
    first) each open on a balance's word, past their Rule 12-09 letter: "Balance at end of period", "End of
    Period", "BEGINNING OF YEAR", not "ACCOUNTS END OF PERIOD" (a movement's word set over the closing)."""
    for head in (heads[0], heads[-1]):
        words = RULE_LETTER.sub("", head).split()
        if not words or not (BALANCE_WORD.match(words[0]) or vocabulary.balances.match(words[0])):
            return False
    return True


def _lettered_last(fitting: list[tuple[Place, list[str]]]) -> list[Place]:
    """The places among several fitting where the last column (the balance at end: never under
    another's letter) bears its Rule 12-09 letter, if some do: a rest of letters ends on the last
    column's ("COLUMN C COLUMN D COLUMN E" over the last three, not the three before, the last left
    bare); else all of them."""
    lettered = [start for start, heads in fitting if RULE_LETTER.search(heads[0])]
    return lettered if len(fitting) > 1 and lettered else [start for start, _ in fitting]


def set_back(out: list[str], shift: dict[int, tuple[Moved, ...]], n: int, body: str, start: int,
             on: int = 0) -> None:
    """A rest (line `n`, its words `body`) set back at `start` on its line: the line above, or `on`
    (a rest's rest, set back on the line its rest was set back on)."""
    row = on or n - 1
    over = out[row - 1].rstrip()
    out[row - 1] = over + " " * (start - len(over) - 1) + body
    moved = Moved(start, n - row, start - printed_from(out[n - 1]))
    shift[row] = shift.get(row, ()) + (moved,) if on else (moved,)
    out[n - 1] = ""


_GROUP = lazy_compile(r"\S+(?: \S+)*")


def _over(columns: Sequence[tuple[int, int]], first: int, last: int) -> list[int]:
    """The figure columns (counted from the right) that columns first..last (1-based) stand over."""
    return [k for k, (a, b) in enumerate(columns) if first <= b and last >= a]


def _placements(body: str, least: int, most: int, columns: Sequence[tuple[int, int]]) -> dict[tuple[int, ...], int]:
    """Where a heading's rest may start (1-based), its first character at some column from `least`
    to `most` (the blanks at its cut lost), by the figure columns its words' groups then stand over:
    each group over one column, one group a column from left to right (the place nearest the edge)."""
    groups = _spans(body)
    found: dict[tuple[int, ...], int] = {}
    if (most - least) * len(groups) * len(columns) > MOST_TRIES:
        return found  # (no Schedule II's: a line of figures thousands wide; refused, never tried at length)
    for start in range(least, most + 1):
        over = _groups_over(groups, start, columns)
        if all(len(cs) == 1 for cs in over) and all(p[0] > q[0] for p, q in zip(over, over[1:])):
            found[tuple(cs[0] for cs in over)] = start
    return found


def _spans(body: str) -> list[tuple[int, int]]:
    """Where each group of a heading line's words stands in it (words a blank apart are one group)."""
    return [(m.start(), m.end()) for m in _GROUP.finditer(body)]


def _groups_over(spans: Sequence[tuple[int, int]], start: int, columns: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The figure columns each group of words (`spans`, `_spans`) stands over, its line set from `start`."""
    return [_over(columns, start + g0, start + g1 - 1) for g0, g1 in spans]


def _heads(out: Sequence[str], block: tuple[int, int], waiting: set[int], rest: tuple[int, str, int],
           columns: Sequence[tuple[int, int]]) -> list[str]:
    """Each figure column's heading (counted from the right), joined from the headings' lines, a
    rest set at its place to try (`rest`: its row's line, words and start); rests still
    to place (`waiting`, their own lines) left out, and rules and groups over more than one column."""
    heads = [""] * len(columns)
    for line in _heading_lines(out, block, waiting, rest):
        for m in _GROUP.finditer(line):
            over = _over(columns, m.start() + 1, m.end())
            if len(over) == 1 and not is_rule(m.group()):
                heads[over[0]] += " " + m.group()
    return heads


def _unfinished(out: Sequence[str], block: tuple[int, int], waiting: set[int], rest: tuple[int, str, int],
                columns: Sequence[tuple[int, int]], others: Sequence[tuple[int, dict[tuple[int, ...], int]]]) -> set[int]:
    """The columns (counted from the right) whose heading may yet gain its top words, a rest set at its place to
    try (`rest`, as `_heads`): those a waiting rest (`others`: the line it would be set back on, its places) may
    be set over on a line above the first of the column's heading words (or where it has none)."""
    opens: dict[int, int] = {}  # each column -> the line its heading's first words stand on
    for n, line in _numbered_heading_lines(out, block, waiting, rest):
        for m in _GROUP.finditer(line):
            over = _over(columns, m.start() + 1, m.end())
            if len(over) == 1 and not is_rule(m.group()):
                opens.setdefault(over[0], n)
    return {c for row, places in others for over in places for c in over if row < opens.get(c, block[1] + 1)}


def _stacked(out: Sequence[str], block: tuple[int, int], waiting: set[int], rest: tuple[int, str, int],
             columns: Sequence[tuple[int, int]]) -> bool:
    """Whether each column's heading stands as a stack, a rest set at its place to try (`rest`, as
    `_heads`): its words on heading lines one after another, no heading line holding words between
    two of its own without one over it (a column's heading is typed line under line: "ADDITIONS" under
    "COL. C" over "CHARGED TO", not over the deductions' column two lines over "COL. D")."""
    lines: list[list[int]] = []  # each heading line holding words: the columns it holds words over
    for line in _heading_lines(out, block, waiting, rest):
        over = {c for m in _GROUP.finditer(line) if not is_rule(m.group()) and not is_tags(m.group())
                for c in _over(columns, m.start() + 1, m.end())}
        if over:
            lines.append(sorted(over))
    for k in range(len(columns)):
        held = [j for j, over in enumerate(lines) if k in over]
        if held and held[-1] - held[0] + 1 != len(held):
            return False
    return True


def _heading_lines(out: Sequence[str], block: tuple[int, int], waiting: set[int],
                   rest: tuple[int, str, int]) -> Iterator[str]:
    """The headings' lines of `block` (1-based, inclusive) as `_heads` and `_stacked` try them: a rest
    set at its place (`rest`: its row's line, words and start) on its row's line, the rests still to
    place (`waiting`, their own lines) left out."""
    return (line for _, line in _numbered_heading_lines(out, block, waiting, rest))


def _numbered_heading_lines(out: Sequence[str], block: tuple[int, int], waiting: set[int],
                            rest: tuple[int, str, int]) -> Iterator[tuple[int, str]]:
    """`_heading_lines`, each with its line's number."""
    row, body, start = rest
    for n in range(block[0], block[1] + 1):
        if n in waiting:
            continue
        if n == row:  # (its trailing blanks, typed or not, no part of where the rest starts)
            over = out[n - 1].rstrip()
            yield n, over + " " * (start - len(over) - 1) + body
        else:
            yield n, out[n - 1]


def _heads_fit(heads: Sequence[str], count: int, vocabulary: Vocabulary, unfinished: frozenset[int] | set[int] = frozenset()) -> bool:
    """Whether each column's heading names what a Schedule II column in its place may hold: the
    opening balance the first, the closing the last, the movements those between (no balance's
    word nor its date, "of Period", "of Year", over them), none beginning on a word that ends a
    heading's line ("of", "to": the rest of another's; but for the `unfinished` columns, a rest
    still to place may yet be set over them, above), and the Rule 12-09 letters (COLUMN B..)
    one a column, in order from left to right."""
    letters = [sorted({m.group(1).upper() for m in RULE_LETTER.finditer(h)}) for h in heads]
    printed = [ls for ls in reversed(letters) if ls]  # (left to right)
    if any(len(ls) > 1 for ls in printed) or printed != sorted(printed):
        return False
    for k, head in enumerate(heads):
        if k == 0:
            wrong = vocabulary.opening_only.search(head) or names_a_movement(head, vocabulary)
        elif k == count - 1:
            wrong = vocabulary.closing_only.search(head) or names_a_movement(head, vocabulary)
        else:
            wrong = bool(BALANCE_WORD.search(head) or vocabulary.balances.search(head) or BALANCE_DATE.search(head))
        if wrong or k not in unfinished and HEADING_TAIL.match(head.lstrip()):
            return False
    return True


def is_tags(body: str) -> bool:
    return set(body.upper().split()) <= {"<C>", "<S>"}


def is_rule(body: str) -> bool:
    return set(body) <= set("-= ")


def printed_from(line: str) -> int:
    """The column (1-based) a line's first character stands at, past the blanks before it."""
    return len(line) - len(line.lstrip()) + 1
