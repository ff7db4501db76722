"""Whether a line heads a note to the financial statements (or another
statement), not the schedule: "NOTE 5. ALLOWANCE FOR DOUBTFUL ACCOUNTS",
"(5) Reserves" numbered alone, "SCHEDULE III".

A table under such a heading is the note's, however it is headed, and a
schedule's table ends where one opens; a line numbered as a footnote of the
table's own columns is no note's heading.  The locator asks this on every side
of a table: above it, inside its tags, under its rows, past a page break.
"""

from __future__ import annotations

import re
from typing import Sequence

from auditor import labels
from auditor.frontends.text.headings import Vocabulary
from auditor.frontends.text.line_kinds import DIGIT, FIGURE_MARK, RULE_SEGMENT, has_figures, is_heading_line
from auditor.frontends.text.markup import BODY_TAGS, OPENING_TAG, TABLE_CLOSE, TABLE_OPEN
from auditor.frontends.text.region import CAPTION_REACH, REACH
from auditor.labels import NOTE_NUMBERING
from auditor.lazy_pattern import lazy_compile


# A footnote under a table: its marker first ("(a) Accounts written off", "* Net", "1/ Recoveries").
FOOTNOTE_LINE = lazy_compile(rf"^\s*(?:{FIGURE_MARK})\s")


# A line numbered as a note's heading or a footnote may be ("1. Uncollectible accounts", "(5) ...", "5 - ...").
NUMBERED_LINE = lazy_compile(rf"^\s*{NOTE_NUMBERING}\S")


def titled_a_note(lines: Sequence[str], open_line: int) -> bool:
    """Whether the <TABLE> opened at `open_line` prints a note's heading as its first line,
    inside its tags ("NOTE 5. ALLOWANCE FOR DOUBTFUL ACCOUNTS", "5. Reserves" typed after
    <TABLE> or <CAPTION>): the table is that note's, as under the heading typed over it, and
    no page of a schedule's table before it (labels.heads_a_note, as HTML's first row)."""
    for n in range(open_line + 1, min(len(lines), open_line + CAPTION_REACH) + 1):
        line = lines[n - 1]
        if line.strip() and not OPENING_TAG.match(line):
            return heads_a_note(line) or _first_row_heads_a_note(lines, n)
    return False


def _first_row_heads_a_note(lines: Sequence[str], top: int) -> bool:
    """Whether a <TABLE>'s first line of its body, under its headings and <S>, is a note's heading
    typed as the table's first row, no figures in it ("NOTE 5. ALLOWANCE ...", "Note 7 - Reserves";
    "5. Reserves" where no other line of the table is numbered so: a list of accounts numbers
    each), as HTML's first row (html.locate._titled_a_note)."""
    body = next((n for n in range(top, min(len(lines), top + REACH) + 1)
                 if BODY_TAGS.match(lines[n - 1]) or TABLE_CLOSE.match(lines[n - 1])), None)
    if body is None or TABLE_CLOSE.match(lines[body - 1]):
        return False
    first = next((n for n in range(body + 1, min(len(lines), body + CAPTION_REACH) + 1) if lines[n - 1].strip()), None)
    if first is None or has_figures(lines[first - 1]) or not heads_a_note(lines[first - 1]):
        return False
    if labels.NOTE_HEADING.match(lines[first - 1]):
        return True
    rest = []
    for n in range(first + 1, min(len(lines), first + REACH) + 1):
        if TABLE_CLOSE.match(lines[n - 1]):
            break
        rest.append(lines[n - 1])
    return not any(labels.heads_a_note(line, numbered=True) for line in rest)


def opens_a_note(lines: Sequence[str], top: int, n: int, vocabulary: Vocabulary, any_case: bool = False) -> bool:
    """Whether line n, under a table whose lines start at `top`, heads a note, one phrase: "NOTE 5.
    ALLOWANCE ...", or by its number alone ("(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS", "5. Reserves"),
    its number printed as no footnote's marker in the table (labels.marks_a_footnote), no column's
    movement named (the headings' vocabulary: "(1) Uncollectible accounts written off" says what a
    column holds, a footnote whose marker the filer left out) and no run of footnotes before it.
    `any_case`: its name typed in lower case too ("5. reserves and allowances"), asked under an
    untagged table's rows (where the next year's caption under a footnote so typed keeps the
    table going, `_footnotes_over_next_period`)."""
    line = lines[n - 1]
    opening = line.lstrip()[:1]
    if not (opening and (opening.isdigit() or opening in "(Nn")) \
            or not heads_a_note(_NAME_AFTER_NUMBER.sub(_capitalised, line) if any_case else line) \
            or vocabulary.every.search(line.lower()) and not (_note_by_its_word(line) or _heading_over_its_table(lines, n)):
        return False
    number = labels.note_number(line)
    if number is None or labels.marks_a_footnote(number, lines[max(top, 1) - 1 : n - 1]):
        return False
    above = next((lines[k - 1] for k in range(n - 1, max(top, 1) - 1, -1) if lines[k - 1].strip()), "")
    return labels.note_number(above) != str(int(number) - 1)  # (the next of a run of footnotes, "(1) ..." "(2) ...": one)


# A numbered line's name typed in lower case ("5. reserves and allowances"): `any_case`, its first
# letter read as a capital.
_NAME_AFTER_NUMBER = lazy_compile(rf"^(\s*{NOTE_NUMBERING})([a-z])")


def _capitalised(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2).upper()


def _note_by_its_word(line: str) -> bool:
    """Whether a line heads a note by its word and number, typed as a heading is: every word
    of four letters or more capitalised ("NOTE 7. PROVISION FOR INCOME TAXES", "Note 7 -
    Provision for Income Taxes"), or none (a file typed in lower case), a column's movement
    word in it or not.  (A footnote so
    numbered says what a column holds in words of its own: "Note 1 - Uncollectible accounts
    written off".)"""
    words = re.findall(r"[A-Za-z]{4,}", line)
    return bool(labels.NOTE_HEADING.match(line)) and (all(word[0].isupper() for word in words)
                                                      or not any(word[0].isupper() for word in words))  # (a file typed in lower case)


def _heading_over_its_table(lines: Sequence[str], n: int) -> bool:
    """Whether the numbered line n is typed as a heading ("7. PROVISION FOR DOUBTFUL ACCOUNTS":
    its words in capitals, or all in lower case as a file typed so prints it; a phrase, no
    sentence's period) over a table of its own: its <TABLE>, or untagged its column headings
    (words set apart, no figure) or their rule, before any row.  A note's, though it names a
    column's movement; a footnote so numbered ("1. UNCOLLECTIBLE ACCOUNTS WRITTEN OFF")
    explains a marker and stands over the next period's caption or nothing."""
    line = lines[n - 1].strip()
    words = re.findall(r"[A-Za-z]+", line)
    if not words or not (all(word.isupper() for word in words) or all(word.islower() for word in words)) \
            or line.endswith(".") or len(words) > 10:  # (in capitals, or a file typed in lower case)
        return False
    for k in range(n, min(len(lines), n + CAPTION_REACH)):
        below = lines[k]
        if not below.strip():
            continue
        return bool(TABLE_OPEN.match(below)) or is_heading_line(below) or bool(RULE_SEGMENT.search(below)) and DIGIT.search(below) is None
    return False


# Words typed apart as columns are ("(1)        CHANGES DUE": a marker over one heading, the
# next heading's first words): a note's heading is one phrase.
_COLUMN_GAP = lazy_compile(r"\S\s{3,}\S")


def heads_a_note(line: str) -> bool:
    """Whether a typed line is a note's heading (labels.heads_a_note, numbered), one phrase."""
    return not _COLUMN_GAP.search(line.strip()) and labels.heads_a_note(line, numbered=True)


def heads_another_statement(lines: Sequence[str], n: int) -> bool:
    """Whether line n heads what a 10-K prints around its Schedule II that is
    none: a note ("NOTE 9 -- STOCK OPTIONS"), another schedule ("SCHEDULE III")."""
    return labels.heads_another_statement(lines[n - 1 : n + 3])
