"""How Schedule II captions and labels are read, by every front end.

Period captions ("Year ended June 30, 2003", "Fiscal 2003", "Nine months
ended ..."), units statements ("(In thousands)", "$000's"), total labels and
dot leaders mean the same in a text exhibit and in an HTML one; this module
is the one place that says how they read.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Optional, Sequence

from auditor.lazy_pattern import lazy_compile
from auditor.model import Period, Row

# A Schedule II's title, word by word, in the forms filings print it
# ("Valuation and Qualifying Accounts", "... Qualifying Reserves", "Schedule
# II", "Schedule 2", "Valuation Accounts"); a word "(...)?" may be left out.
# Each front end joins the words with what separates words in its input.
TITLE_WORDS: tuple[tuple[str, ...], ...] = (
    ("valuation", "(and)?", "qualifying", "accounts?|reserves"),
    ("schedule", r"(?:ii|2)\b"),
    ("valuation", "accounts"),
)


def title_pattern(separator: str) -> re.Pattern[str]:
    """The title as one pattern, its words apart by `separator` (a pattern)."""
    forms = []
    for words in TITLE_WORDS:
        form = ""
        for i, word in enumerate(words):
            if word.startswith("(") and word.endswith(")?"):
                form += f"(?:{word[1:-2]}{separator})?"
            else:
                form += f"(?:{word})" + (separator if i < len(words) - 1 else "")
        forms.append(form)
    return re.compile("|".join(forms), re.IGNORECASE)


# The title, its words apart by blanks: every reader's (the text front end's headings, a file's tail).
TITLE = title_pattern(r"\s+")


# A nil figure as filings print one, for every front end: one to three dashes
# of any kind (hyphen, figure, en and em dash, bar, minus sign, cp1252's em
# dash, or its HTML entity, which a text exhibit prints raw), a typewriter's
# zero between dashes ("-0-", spaced "- 0 -" on typewriters), or a word.
NIL_DASH_RUN = r"[-\u2012\u2013\u2014\u2015\u2212\x97]{1,3}"  # (a dash alone, also a heading's between words)
NIL_DASHES = rf"- ?0 ?-|{NIL_DASH_RUN}|&#151;|&#8212;|&mdash;"
NIL_WORDS = ("nil", "none", "n/a")
# ("NA", not applicable, in capitals only, in patterns read in any case: "na" ends words and names.
# The words share their "n", tried once: these patterns are tried at every place of every line.)
NIL_WORD = "n(?:" + "|".join(re.escape(word[1:]) for word in NIL_WORDS) + r"|(?-i:(?<=N)A))(?![\w/])"
# The nil words in any case, "na" too: where a word must be told from a nil's, not read as one (a
# heading's word after a marker, never "(1)   NA" nor "(1)   na", a row of small negatives).
NIL_WORD_ANY_CASE = "|".join(re.escape(word) for word in (*NIL_WORDS, "na"))
# (And "--0--", the zero between doubled dashes, and "- -", two hyphens a space apart, where a
# figure is read: not in NIL_DASHES, which text locate's figure-row search tries at every dash of
# every line, a rule's too.)
NIL = rf"--0--|- -(?![-\d])|{NIL_DASHES}|{NIL_WORD}"  # (a pattern's text: each front end puts it in its own)
# A minus sign before a figure as filings print one: a hyphen, an en dash (what
# word processors of 1999-2005 wrote as &#150; or &#8211; for a typographic
# minus: "&#150;813") or the minus sign itself; an em dash is a nil's, never a sign.
MINUS_SIGNS = "-\u2013\u2212"

# A printed amount, the one spelling every text reader shares (the grammar's
# AMOUNT, locate's figure rows, pages' figure count): a form added here is read
# everywhere.  Its digits: "1,234", "1234", "12.5", or ".5" (no leading zero).
AMOUNT_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# A negative's mark typed after its digits, as 1990s typists did: the adding
# machine's minus ("473-") and the bookkeeper's credit ("473CR", "473 CR").  The
# minus touches the digits and is no dashed run's first dash nor a range's
# ("473----", "1996-1997"); "CR" (in any case: a table typed in lower case) is a
# word of its own right after the digits ("473 CREDIT" is no credit), never read
# from a label's words (the grammar's label takes a figure one space after a word).
NEGATIVE_AFTER = r"(?:-(?![-\w])|(?i:[ ]?cr)(?!\w))"
# The whole amount: in parentheses ("(473)", "( 1,234 )", "(-473)", "($473)") or angle brackets ("<473>",
# "<$473>": a typist's parentheses, the dollar sign inside them too), with a minus sign before it ("-473") or a mark after it ("473-",
# "473CR"), or plain.  (The mark after is tried first: "473 CR" is one figure, not "473" and a word.)
AMOUNT_PARENTHESIZED = rf"\((?:\s*\$)?\s*-?{AMOUNT_DIGITS}\s*\)|<(?:\$\s*)?{AMOUNT_DIGITS}>"
AMOUNT_UNBRACKETED = rf"{AMOUNT_DIGITS}{NEGATIVE_AFTER}|-?{AMOUNT_DIGITS}"
AMOUNT = rf"{AMOUNT_PARENTHESIZED}|{AMOUNT_UNBRACKETED}"
_MARKED_NEGATIVE = lazy_compile(rf"(?:{NEGATIVE_AFTER})$")


def typed_negative(raw: str) -> tuple[str, bool]:
    """A printed amount as its digits (separators kept) and whether it is a
    negative: "(1,234)", "($1,234)", "<1,234>" and "<$1,234>" ("1,234", True), "473-" and "473 CR" ("473", True),
    "-5" ("5", True), "12" ("12", False)."""
    text = raw.strip()
    marked = text[-1:] in ("-", "r", "R") and text[:1] not in "(" + MINUS_SIGNS  # (most figures: no search)
    after = _MARKED_NEGATIVE.search(text) if marked else None
    if after is not None:
        return text[: after.start()].strip(), True
    negative = text[:1] in "(<" or text[:1] in MINUS_SIGNS
    return text.strip("()<>").strip().lstrip("$").lstrip().lstrip(MINUS_SIGNS), negative
# A rule drawn with characters under a row or a total ("-------", "======"), as
# HTML converted from a typed schedule prints one in a cell: four or more dashes
# of a kind, or two or more "=" or "_" (the text grammar's RULE); never a nil ("---").
RULE_RUN = r"-{4,}|\u2013{4,}|\u2014{4,}|={2,}|_{2,}"
# A typed line that is a rule alone ("-------   ======", "________"): its marks and blanks only (RULE_LINE, which a
# blank line passes too), a run of four marks or more among them (RULE_SEGMENT).  Where prose is read (a
# file's tail) "____" is a signature line, no rule: there the marks are dashes and "=" alone.
RULE_LINE = re.compile(r"^[\s\-=_]*$")
RULE_SEGMENT = re.compile(r"[-=_]{4,}")
_DASHES_ONLY = re.compile(r"^[\s\-=]*$")
_DASH_SEGMENT = re.compile(r"[-=]{4}")


def is_rule_line(line: str, underscores: bool = True) -> bool:
    """Whether a typed line is a rule alone; `underscores`: a run of "_" draws one too (not under prose)."""
    if underscores:
        return bool(RULE_LINE.match(line) and RULE_SEGMENT.search(line))
    return bool(_DASHES_ONLY.match(line) and _DASH_SEGMENT.search(line))


# The signs a footnote marker is printed in alone: the dagger, the double dagger, the section and
# paragraph signs, and superscript digits ("1,234¹": Unicode's, not a <sup>'s), a class's body.
NOTE_SIGNS = r"\u2020\u2021\u00a7\u00b6\u00b9\u00b2\u00b3\u2074-\u2079"
# A footnote marker that can be nothing else: (a) (B) (iv) * ** *** † ‡ § ¹.  (A marker of digits,
# "(1)" or "1/", is one only by its place: each front end says where.)
NOTE_MARK = rf"\((?:[a-zA-Z]{{1,2}}|[ivxIVX]{{1,4}})\)|\*{{1,3}}|[{NOTE_SIGNS}]"
# A numbered marker closed by a slash ("1/", "12/"), as government and older filers print them: no
# figure is printed so, but "12/31" is a date, so a front end takes it where nothing follows it in its word.
SLASH_MARK = r"\d{1,2}/"
# A numbered marker in parentheses ("(1)", "(12)"): a small negative figure too, so a marker only by its place
# (touching the figure or word before it, a heading's word after it, a line of markers alone): each reader says where.
NUMBERED_MARK = r"\(\d{1,2}\)"
# It found in a text (a line's run of markers, a heading's), and alone (a heading's note over its column,
# an HTML cell's "(1)": a marker or a small negative figure, each front end tells which).
NUMBERED_MARKER = lazy_compile(NUMBERED_MARK)
NUMBERED_MARKER_ALONE = lazy_compile(rf"^{NUMBERED_MARK}$")
# A letter of the Latin alphabet, what tells a word from a figure, a nil or a rule (a heading's text,
# a line of figures alone, a day typed among a heading's words): ASCII's, as the filings type them.
LETTER = lazy_compile(r"[A-Za-z]")


# Words any Schedule II prints in its headings (or, years as columns, its
# rows), whatever else a rules file maps: a balance and a movement.  The
# quick look before an HTML table is parsed into a grid, and the test of a
# continuation's headings; the rules file's role patterns then read them.
# (Not derived from the rules file's roles (s40-roles): a quick look is a word, where the
# balances' patterns are anchored phrases, "^balance(\s+at)?$", and the closing's words here are
# MOVEMENT_WORD's; each caller that may hear a team's word tries the roles' patterns after it:
# html/locate._rules_words, text/headings.Vocabulary.balances in heading_rests.)
# The movements' words are the ones Schedule II's own headings use whatever the table's balances are
# headed: "writ" (write-offs, "Amounts written off"), "provision", "utiliz": balances headed "Balance
# at" alone or dated ("Balance January 1") print no "end", and the rules' balance patterns, anchored
# to a heading, find nothing in a table's whole text (s45-refusals).
BALANCE_WORD = lazy_compile(r"beginning|balance|opening|\bstart", re.IGNORECASE)
MOVEMENT_WORD = lazy_compile(r"\bend\b|ending|closing|deduct|addition|charged|writ|provision|utiliz", re.IGNORECASE)

# Rule 12-09's column letters printed alone as a column's heading ("COLUMN B", "Col. E"): the rule
# fixes their meaning (A the account, B the balance at beginning, E at end), so under the
# schedule's title three or more of them head a schedule where no heading word is printed.  ("COLUMN C(1)":
# its one digit numbers the column's part, as the rule does, no footnote marker: not NUMBERED_MARK.)
RULE_LETTER = re.compile(r"\bcol(?:umn|\.)?\s*([a-h])\b(?:\s*\(\d\))?", re.IGNORECASE)


def rule_letters_head(headings: "Sequence[str]") -> bool:
    """Whether three or more distinct Rule 12-09 letters, each a heading alone (or under a
    reserve's name spanning its group: reserves side by side, each lettered again), head the columns."""
    letters = {_ending_letter(h.strip()) for h in headings} - {None}
    return len(letters) >= 3


def _ending_letter(heading: str) -> "Optional[str]":
    found = [m for m in RULE_LETTER.finditer(heading)][-1:]
    return found[0].group(1).upper() if found and found[0].end() == len(heading) else None


def rule_letters_in(text: str) -> bool:
    """Whether a table's text prints three or more distinct Rule 12-09 letters ("Column B")."""
    return len({m.group(1).upper() for m in RULE_LETTER.finditer(text)}) >= 3


# What the first and the last row of a block printed with the movements as
# rows are: the balances ("Balance at January 1" ... "Balance at December 31",
# "Beginning balance" ... "Ending balance"), in an HTML table or a text one.
OPENING = re.compile(r"beginning|opening|\bstart|balance\s+at|^balance\b", re.IGNORECASE)
CLOSING = lazy_compile(r"\bend\b|ending|closing|balance\s+at|^balance\b", re.IGNORECASE)
# (The words that name one balance alone, a column's heading holding them heading the first column or
# the last, are the rules file's: the balances' roles' patterns, text/headings.Vocabulary.opening_only
# and .closing_only, so a rules file that teaches a balance's word teaches the layout too.)
# When a balance is struck ("Balance at End of Period"): a movement's heading does not end so.
BALANCE_DATE = lazy_compile(r"\b(?:period|year)\s*$", re.IGNORECASE)
# A column heading's line that continues the line above ("OF" under "AT END"): no heading starts so.
HEADING_TAIL = lazy_compile(r"(?:of|and|to|at|for|in|from|by|with|or|&)(?!\w)", re.IGNORECASE)

# Words a wrapped label's first line may end on ("Allowance for" / "doubtful accounts"), in a text
# schedule or an HTML one.
CONNECTIVE = lazy_compile(r"\b(for|of|and|on|to|in|the|from|by|with|or|&|-|—)$", re.IGNORECASE)

# What names a valuation account on its own, where a schedule printed with the
# movements as rows is captioned by its accounts alone (a 20-F's "Allowance for
# doubtful accounts" over its table, no "Schedule II" above): the account's
# name, and a movement a schedule's columns print ("Charged to costs and
# expenses", "Deductions", "Write-offs"), not a note's "Acquisitions".
ACCOUNT_WORD = re.compile(r"\b(?:allowances?|reserves?|valuation|provisions?|doubtful|uncollectible|obsole(?:te|scence))\b",
                          re.IGNORECASE)
# The assets a reserve is named by where its caption names no reserve ("ACCOUNTS AND NOTES RECEIVABLE").
RESERVED_ASSET = re.compile(r"\b(?:receivables?|inventor(?:y|ies)|deferred\s+tax)\b", re.IGNORECASE)
# A page's number the filing software left where it broke a page inside a table, alone in a row
# or in its label cell: "32", "F-35", "S-2", "- 2 -", "Page 4".  (Page furniture, never a figure.)
# The page number's other spellings (reading/completeness, text/context, text/markup.BREAK,
# html/locate.FURNITURE) are not this one yet: see each (s33-lazyre measured the merge).
PAGE_MARK = lazy_compile(r"^(?:page\s+)?[-\u2013\u2014\s]*(?:[a-z]{1,2}\s?-\s?)?\d{1,3}[-\u2013\u2014\s]*$", re.IGNORECASE)
# Where a group's caption over reserves' rows places them in the balance sheet, naming no account
# ("Deducted from assets", "Reserves not deducted from assets:", "Included in current liabilities:",
# "Classified as current liabilities", "Shown as liabilities:", "Allowances deducted in the balance
# sheet from the assets to which they apply:", "Reserves included in other liabilities").
GROUP_PLACE = r"(?:not\s+)?deducted\b|included\s+in\b|classified\s+as\b|shown\s+as\b"
# A line naming such a place, anywhere in it ("... assets to which they apply").
GROUP_WORDS = lazy_compile(rf"\b(?:{GROUP_PLACE})|\bassets?\s+to\s+which\b", re.IGNORECASE)
# A group's caption: the place first, or after the reserves' collective word ("Reserves included in").
GROUP_CAPTION = lazy_compile(rf"^(?:(?:reserves|allowances|accounts)\s+)?(?:{GROUP_PLACE})", re.IGNORECASE)
# The place a whole caption ends on ("... current liabilities", "... asset accounts:", "... to which
# they apply:"), where a wrapped label's middle line does not ("included in accrued" / "liabilities").
GROUP_PLACE_END = lazy_compile(r"\b(?:assets?|liabilities|accounts|apply|sheets?)\s*:?$", re.IGNORECASE)
# A movement's word any Schedule II prints, Rule 12-09's own captions' ("Additions", "Charged to",
# "Deductions", "Write-offs", "Credited to"), whatever the rules file: where a front end has the rules
# file's roles it hears theirs too (text/headings.names_a_movement).  Not the roles' movements alone:
# they name what a note prints as well ("costs", "income", "other", "payments", "acquisitions"), and
# the tests that find a schedule by it (a block of years' movement rows, text/transposed and HTML's
# named schedules; a note's phrase under the table, reading/completeness) would hear a note's table
# as a schedule's: kept to these words there (s40-roles).
SCHEDULE_MOVEMENT = lazy_compile(r"deduct|addition|charged|write|credited", re.IGNORECASE)
# The word of the spanner over the adding movements' columns ("ADDITIONS" over "Charged to costs" and
# "Charged to other accounts"), which names no role of its own: a column's heading naming it and a
# movement the rules file subtracts by ("Additions ... Deductions") is more likely a heading's rest set
# over the wrong column than a column so named (the deductions' words are the rules file's roles').
ADDITIONS_WORD = lazy_compile(r"\baddition", re.IGNORECASE)
# The first words of Rule 12-09's own captions for the movements ("Additions", "Deductions (describe)"),
# fixed by the rule, not by a rules file: a heading's words run on into them only where set wrong.
RULE_CAPTION_WORD = lazy_compile(r"addition|deduct", re.IGNORECASE)
# A caption that is a sentence introducing a note's table ("The following table
# summarizes the activity in our allowance ...:"), not a name.
SENTENCE = lazy_compile(r"\b(?:following|table|summar\w*|shows?|presents?|sets?\s+forth|activity|changes?|were|was|is"
                      r"|are|follows?|our|we)\b|\.\s*$", re.IGNORECASE)


# Headings of what a whole 10-K prints around its Schedule II that is none:
# another financial statement schedule by its number ("SCHEDULE III", "Schedule
# IV -- Mortgage Loans on Real Estate"; one whose lines name no Schedule II title),
# and a note to the financial statements ("NOTE 9 -- STOCK OPTIONS", "Note 4.
# Receivables").  A schedule's table never runs on past one, nor does a title
# that merely mentioned the schedule (an index's line) reach a table past one.
SCHEDULE_NUMBER = re.compile(r"^\s*schedule\s+(?:[ivxl]{1,5}|\d{1,2})\b", re.IGNORECASE)
NOTE_HEADING = re.compile(r"^\s*note\s+\d{1,2}\s*(?:[-.:\u2013\u2014]|$)", re.IGNORECASE)
# A note's heading numbered without the word "Note" ("5. Inventories", "(5) Inventories",
# "5 - Inventories"): a short line, a number then a capitalised name, no sentence.  Asked only
# where a note's heading may stand and a list's item does not (HTML: the text right above a
# table under no title; text: a table's first printed line, or the first line of a page a
# table would carry on onto), since a numbered list item ("1. Financial Statements") reads so.
# (The number as such a heading, or a footnote, prints it: "5. ", "(5) ", "5 - ".)
NOTE_NUMBERING = r"\(?\d{1,2}(?:\.|\)|\s+[-:\u2013\u2014])\s+"
NUMBERED_NOTE = re.compile(rf"^{NOTE_NUMBERING}[A-Z][^.;:]{{2,70}}$")
SCHEDULE_WORD = re.compile(r"\bschedules?\b", re.IGNORECASE)


def note_number(text: str) -> Optional[str]:
    """The number a note's heading opens with ("NOTE 5. ...", "(5) ...", "5. Reserves": "5")."""
    found = _NOTE_NUMBER.match(text)
    return found.group(1) if found else None


_NOTE_NUMBER = re.compile(r"^\s*(?:note\s+)?\(?(\d{1,2})(?!\d)", re.IGNORECASE)


def marks_a_footnote(number: str, texts: Iterable[str]) -> bool:
    """Whether a table's lines print `number` as a footnote's marker ("Deductions (5)", "5/",
    "(Note 5)"; a negative figure "(5)" counts too, as a marker may be so typed): a line under
    the table opening with that number is its footnote, not a note's heading."""
    marker = re.compile(rf"(?<![\w/.,])\(?(?:note\s+)?{number}[)/]", re.IGNORECASE)
    return any(marker.search(text) for text in texts)


def heads_a_note(text: str, numbered: bool = False) -> bool:
    """Whether a line (an HTML block) heads a note that names no title of Schedule II's:
    "NOTE 5. ALLOWANCE FOR DOUBTFUL ACCOUNTS", "Note 7 - Reserves"; with `numbered`, also by its
    number alone ("5. Reserves", "(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS"; NUMBERED_NOTE), naming
    no schedule.  (A note named by Schedule II's words, "Note 6 - Valuation and Qualifying
    Accounts", is the schedule's information in the notes: a title, read as one.)"""
    text = text.strip()
    if TITLE.search(text):
        return False
    return bool(NOTE_HEADING.match(text)
                or numbered and NUMBERED_NOTE.match(text) and not SCHEDULE_WORD.search(text))


def heads_another_statement(lines: Sequence[str]) -> bool:
    """Whether the first of `lines` (a text's lines, an HTML document's blocks)
    heads a note, or another schedule by its number unless it or the lines
    under it name Schedule II's title ("SCHEDULE II (continued)"; 1993's
    "SCHEDULE VIII" over "VALUATION AND QUALIFYING ACCOUNTS").  (A note by its number
    alone, "(5) ALLOWANCE ...", is asked by the caller where no list's item stands,
    "1. Financial Statements" in an index: heads_a_note, numbered.)"""
    if not lines:
        return False
    if NOTE_HEADING.match(lines[0]):
        return True
    return bool(SCHEDULE_NUMBER.match(lines[0])) and not any(TITLE.search(line) for line in lines[:4])


# Words a page break prints between a schedule's table and its next page that
# say nothing of which schedule the page is: its running head's furniture
# ("Page 2 of exhibit", "Exhibit 13 (continued)").
# (And the words of a company's legal form: a running head may print the name
# in full, "ACME CORPORATION AND SUBSIDIARIES", where the first page said "ACME CORP.")
_PAGE_WORDS = frozenset(("continued", "page", "exhibit", "table", "of", "contents", "index", "in", "thousands", "millions",
                         "dollars", "amounts", "and", "the", "inc", "incorporated", "corp", "corporation", "company",
                         "co", "ltd", "limited", "llc", "plc", "subsidiaries", "subsidiary", "consolidated"))
# A page that carries a table on says so: "SCHEDULE II (continued)", "Continued on next page".
CONTINUED = re.compile(r"\bcontinued\b", re.IGNORECASE)
# Or on a line of its own, under the title it carries on ("SCHEDULE II" over "(continued)").
CONTINUED_ALONE = re.compile(r"^\W*continued\W*$", re.IGNORECASE)


def continues_period(caption: str, current: str) -> bool:
    """Whether a period's caption is the current period's printed again with
    "(continued)" after it, over the rest of its rows after a page break
    ("Year ended December 31, 2002 (continued)"): the same period goes on."""
    more = CONTINUED.search(caption) if current else None
    return more is not None and _caption_key(_before(caption, more)) == _caption_key(current)


def uncontinued(caption: str) -> str:
    """A caption without the "(continued)" a filer types after it over its rows a page on
    ("2017 (continued)": "2017"); as it is where no "continued" ends it."""
    more = CONTINUED.search(caption)
    return caption if more is None or caption[more.end():].strip(" )") else _before(caption, more)


def _before(caption: str, more: re.Match[str]) -> str:
    return caption[:more.start()].rstrip(" ,:-\u2013\u2014(")


def restates_period(caption: str, current: str) -> bool:
    """Whether a caption is the current period's printed again as it was, as a
    filer types a year's caption again over its rows continued past a page break."""
    return bool(current) and is_period(caption) and _caption_key(caption) == _caption_key(current)


def restates_year(caption: str, current: str) -> bool:
    """Whether a caption is the current period's year alone ("2003"), the one year its
    caption names ("Year ended December 31, 2003"), as a filer types it again over the
    period's rows continued past a page break (HTML: the part's caption row)."""
    years = {m.group() for m in YEAR.finditer(current)}
    return len(years) == 1 and caption.strip() in years


def _caption_key(caption: str) -> str:
    return " ".join(caption.rstrip(":").lower().split())


def _page_break(line: str) -> bool:
    """A text submission's page break: a <PAGE> tag or a form feed opening the line."""
    opening = line.lstrip(" \t")
    return opening[:6].upper() == "<PAGE>" or opening[:1] == "\f"


def title_words(texts: Iterable[str]) -> set[str]:
    """The words (two letters or more, lower case) of a schedule's title block as
    printed, captions of its rows' periods and accounts aside ("Year ended
    December 31, 1999", "Reserves deducted from assets:"): what names it."""
    return {word for text in texts if not is_period(text.strip()) and not text.strip().endswith(":")
            for word in _TITLE_WORD.findall(text.lower())}


_TITLE_WORD = re.compile(r"[a-z]{2,}")  # (compiled once: asked of every line of every title block)


def opens_another_schedule(gap: Sequence[str], first: set[str]) -> bool:
    """Whether the lines (or an HTML document's blocks) between a schedule's
    table and the next one open another schedule, not the next page of the
    same: Schedule II's title printed again, "continued" nowhere, with words
    the first schedule's title block (`first`, title_words) lacks: another
    registrant's name in a combined 10-K ("NORTHFIELD ELECTRIC COMPANY"),
    "(PARENT COMPANY ONLY)" after "(CONSOLIDATED)".  A running head that
    repeats the first's title, or part of it, carries it on.  Only the lines
    of the page that opens, above the gap's first line of headings, are its
    title block: a heading ("ADDITIONS VALUATION ACCOUNTS ACQUIRED") is no
    title, and a row's label left above a page break, or a later page's running
    head under the headings, names no schedule."""
    headings = next((k for k, text in enumerate(gap) if BALANCE_WORD.search(text)), len(gap))
    breaks = [k for k, text in enumerate(gap[:headings]) if _page_break(text)]
    block = gap[breaks[-1] + 1 if breaks else 0 : headings]  # (the page that opens; rows above its break are the last page's)
    if not any(TITLE.search(text) for text in block) or any(CONTINUED.search(text) for text in gap):
        return False
    return bool(title_words(block) - first - _PAGE_WORDS)


def numbers_a_statement(line: str) -> bool:
    """Whether a line opens as a note's or a schedule's heading by its number:
    what `heads_another_statement` asks first of its first line (a caller
    with many lines and few such tries the lines under only where it holds)."""
    return bool(NOTE_HEADING.match(line) or SCHEDULE_NUMBER.match(line))


# A title line that is an entry of an index: dot leaders to a page reference
# ("Schedule II -- Valuation and Qualifying Accounts ......  S-2"), or a
# schedule's page ("S-2", "F-34") after it ("Schedule II -- Valuation and
# Qualifying Accounts   S-1", as a paragraph of an HTML 10-K's Item 15).
# (The leaders tried from their first dot only: a search from every dot of a
# long run of them was quadratic.)
INDEX_ENTRY = re.compile(r"(?:(?<!\.)\.{3,}\s*(?:page\s+)?(?:[a-z]{1,2}-?)?\d{1,3}|\s[a-z]{1,2}-\d{1,3})\s*$",
                         re.IGNORECASE)


def is_index_entry(line: str) -> bool:
    """Whether a line naming the schedule is an index's entry (INDEX_ENTRY)."""
    return bool(INDEX_ENTRY.search(line))


# The units a heading, a line or a cell states: "(In thousands)", "Dollars in millions", "$000's",
# "(000's omitted)", "(000 omitted)", "Thousands of dollars"; "($000)", "($000s)" in parentheses
# anywhere; "$000" bare only where it is all the text says (over one column, or over each:
# "$000   $000   $000"), never inside a label ("Reserve over $000") or from a figure.
# (Every reader of units asks stated_units, which maps "000" to thousands.)
UNITS = re.compile(
    r"\b(?:dollars\s+|amounts\s+)?in\s+(thousands|millions|billions)\b"
    r"|\$?\s?(000(?:,000)?)'?s\b|\((000(?:,000)?)\s+omitted\)|\b(thousands|millions)\s+of\s+dollars"
    r"|\(\$\s?(000(?:,000)?)'?s?\)|^(?:\s*\$\s?(000)(?![\d,.]))+\s*$",
    re.IGNORECASE,
)
# The words UNITS states units in, as a heading prints them (either case): a substring test for them
# is cheap where a search of UNITS is not; a heading UNITS matches, in lower, Title or upper case, holds one.
UNIT_WORDS = ("housand", "HOUSAND", "illion", "ILLION", "000")


# "$000" printed over a column: its units (thousands of dollars), never a zero, which is printed
# "0" or a nil; a figure of these digits alone is heading text (both front ends).
UNITS_FIGURE = "000"


def stated_units(text: str) -> Optional[str]:
    """The units `text` states (UNITS): "thousands", "millions" or "billions"; None.  Omitted
    zeros count them: "$000's" thousands, "(000,000 omitted)" millions."""
    match = UNITS.search(text)
    if match is None:
        return None
    unit = next(g for g in match.groups() if g)
    return OMITTED_ZEROS.get(unit, unit.lower())


OMITTED_ZEROS = {"000": "thousands", "000,000": "millions"}


# A year named by its place, no year printed: "Current year", "Prior year", "Second prior
# year:", "Year 3", "Year 12"; the caption whole (not "Prior year adjustments", an account's name).
PLACED_YEAR = (r"(?:(?:first|second|third|fourth)\s+)?(?:current|prior|preceding|previous)\s+(?:fiscal\s+)?year"
               r"(?=\s*:?\s*$)")
YEAR_BY_PLACE = lazy_compile(rf"^(?:{PLACED_YEAR}|year\s+[1-9]\d?(?=\s*:?\s*$))", re.IGNORECASE)
# (Every branch opens with "^": `match`, not `search`, which would try each branch at every place.)
PERIOD_START = re.compile(
    r"^(for\s+the\s+|the\s+)?(fiscal|year|years|period|nine|six|three|twelve|fifty|"
    r"transition|quarter|month|months|weeks|\d+\s+(months|weeks))\b|"
    # (a year opening a line, not an account's name opening with one: "1996 restructuring reserve",
    # "1996 RESTRUCTURING RESERVE"; not "1999 compared with 1998", "2001 restated")
    r"^(19|20)\d\d\b(?!\s+(?!(?:fiscal|years?|period|and|to|through|as|restated|compared|versus|ended|ending|"
    r"months|weeks)\b)[a-z]{3})|^fy\s?['\u2019]?((19|20)\d\d|\d\d)\b|^(january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\s+\d|"
    # (EDGAR's XBRL viewer heads its columns with dates abbreviated so: "Dec. 31, 2019")
    # (and typists so with two digits: "Dec. 31, 03", "Dec. 31, '03")
    r"^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.\s+\d{1,2},\s+((19|20)\d\d|['\u2019]?\d\d)\b|"
    # (a date in figures, month first: "12/31/02", as typed schedules and their converters print it)
    r"^(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/((19|20)?\d\d)(?![\d/])",
    re.IGNORECASE,
)
# (A year glued to "FY", "FY2012", as filers of 2008-2018 caption periods, is a year too: no word
# boundary there for \b to find.  The century's digits come first, the boundary is looked for
# behind them: the scan stops only at a "19" or "20", four times faster than \b first.)
YEAR = re.compile(r"(19|20)(?<!(?![Yy])\w\d\d)(?<!(?<![Ff])[Yy]\d\d)\d\d\b")
# A year alone in its cell or line: a period's caption printed apart ("2002<br>2001").
BARE_YEAR = lazy_compile(r"^(?:19|20)\d\d$")
# Where a wrapped label's first line ends so, a date opening the line under it goes on from it
# ("Adoption of ASC 326 on" / "January 1, 2020", "Balance, as restated, at" / "December 31, 1998"):
# the date is the label's, not a period's caption.
DATE_LEAD = lazy_compile(r"(?:\b(?:on|at|of|from|through)|[-\u2013\u2014])$", re.IGNORECASE)


def date_goes_on(above: str, line: str) -> bool:
    """`line` opens on a date that the label line `above` it leads into."""
    return DATE_LEAD.search(above) is not None and (DATE.match(line) or SHORT_DATE.match(line)) is not None


def is_date(text: str) -> bool:
    """`text` is a date and nothing more ("March 31, 1997", "Dec. 31, '03")."""
    found = DATE.match(text) or SHORT_DATE.match(text)
    return found is not None and found.end() == len(text)


def dated_by(phrase: str, date: str) -> bool:
    """A period's words and its date printed apart, a wide gap between them ("Year ended" /
    "December 31, 1997", "Fiscal" / "1997"): the phrase a period naming no year, the date a
    date or a year alone; together one period's label."""
    return is_period(phrase) and not YEAR.search(phrase) and (is_date(date) or BARE_YEAR.match(date) is not None)


def by_period_if_dated(captioned: bool, row_labels: Iterable[str]) -> bool:
    """Whether a table whose rows may be labelled by a date is printed by period (its periods
    captioned, or most rows named otherwise), not by account (an account's rows by date)."""
    if captioned:
        return True
    labels = list(row_labels)
    return 2 * sum(1 for label in labels if is_date(label)) <= len(labels)  # (half at most, counted exactly)


def label_over_date(phrase: str, below: str, after: Optional[str]) -> bool:
    """A label line with no connecting word right over a row labelled by a date alone, and over
    no other row by date ("Restructuring reserve established" / "March 31, 1997   $ 1,200"), in a
    table by period (`by_period_if_dated`): the first words of that row's label, the date its
    end.  `after` is the label of the row after the dated one (None: no row follows).  An
    account's caption over its rows by date heads two of them or more; a caption (":" ended)
    or a period's is no label line."""
    return (is_date(below) and not (after is not None and is_date(after))
            and not phrase.endswith(":") and not is_period(phrase))


# An accounting standard's number, "ASU 2016-13", "Update No. 2016-13": its year names no period
# (a column headed "Impact of adoption of ASU 2016-13" in a 2020s schedule).
STANDARD_NUMBER = re.compile(r"\b(?:ASU|Update)\s+(?:No\.\s*)?(?:19|20)\d\d-\d{1,3}\b", re.IGNORECASE)


def years_in(text: str) -> set[int]:
    """The years `text` names, a standard's number ("ASU 2016-13") naming none."""
    return {int(m.group(0)) for m in YEAR.finditer(STANDARD_NUMBER.sub(" ", text))}


# An accounting standard named with its number: "ASU 2016-13", "ASC 326", "ASC 326-20", "SFAS No.
# 115", "FAS 5", "Topic 326", "FIN 48", "SOP 03-3" (group 1: the number, one space after the name).
# A heading's words, never a figure: the text grammar reads "Adoption of ASC 326   Expenses" as
# a figure followed by words, and parse.py retypes the number as a word where it refuses the line
# (so too a number alone under its standard's name ending a phrase of the line above).
_STANDARD_NAME = r"(?<![^ \t\f(])(?:ASU|ASC|S?FAS|FASB|Topic|Subtopic|SAB|EITF|APB|FIN|SOP|IFRS|IAS)(?: No\.)?"
_STANDARD_NO = r"\d{1,4}(?:-\d{1,3}){0,2}(?![^ \t\f),;:])"
STANDARD_CITED = lazy_compile(rf"{_STANDARD_NAME}( {_STANDARD_NO})", re.IGNORECASE)
# A heading phrase ending on a standard's name, its number on the line below ("OF ASC" over "326").
STANDARD_NAME_ENDS = lazy_compile(rf"{_STANDARD_NAME}(?=[ \t\f]{{2,}}|[ \t\f]*$)", re.IGNORECASE)
STANDARD_NO_ALONE = lazy_compile(rf"(?<![^ \t\f]){_STANDARD_NO}")
# "FY24", "FY 24", "FY'24": a fiscal year by its last two digits, as filers head columns and periods.
FY_YEAR = lazy_compile(r"\bFY\s?['\u2019]?(\d\d)\b")
# A month by its name or its abbreviation (a group: the dates' first).
MONTH_NAME = (r"(january|february|march|april|may|june|july|august|september|october|november|"
              r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)")
DATE = re.compile(rf"\b{MONTH_NAME}\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# A date whose year is typed in two digits, "December 31, '03", "Dec. 31, 03" (read only where
# no four-digit year is printed: a caption's, never a figure's).
SHORT_DATE = lazy_compile(rf"\b{MONTH_NAME}\.?\s+(\d{{1,2}}),?\s+['\u2019]?(\d\d)(?![\d,.])", re.IGNORECASE)
# A date in figures, month first as American filers print it: "12/31/02", "6/30/2001".
NUMERIC_DATE = lazy_compile(r"(?<![\d/])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/((?:19|20)?\d\d)(?![\d/])")
MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
# A total's label: "Total ...", "Totals", "Subtotal", "Sub-total", "Grand total", or the
# label "Consolidated" alone (a segmented company's total of its segments' reserves).
TOTAL = re.compile(r"^(?:(?:sub-?\s?|grand\s+)?totals?\b|consolidated(?:\s+totals?)?:?$)", re.IGNORECASE)
# EDGAR's XBRL viewer (the "R" pages) labels a dimension's member "Allowance for Doubtful
# Accounts [Member]", and prints the taxonomy's structure as caption rows naming no account:
# "... [Line Items]", "... [Roll Forward]", "... [Axis]", "... [Abstract]", "... [Table]".
# (A run of spaces is entered only at its first character: from inside it, every start would
# scan the run to its end, in quadratic time.)
XBRL_MEMBER = lazy_compile(r"(?<!\s)\s*\[member\]\s*$", re.IGNORECASE)
# The viewer's report title names a lone member, the currency and the scale beside the report's name:
# "Schedule II - Valuation and Qualifying Accounts (Details) - Allowance for Doubtful Accounts [Member]
# - USD ($) $ in Thousands"; before 2014 "... (Details) (Allowance for Doubtful Accounts [Member], USD $)
# In Thousands, unless otherwise specified".
# (The member follows the report's name, "(Details)", and may hold parentheses of its own.)
XBRL_TITLE_MEMBER = lazy_compile(r"\)\s(?:-\s|\()((?:[^()]|\([^()]*\)){1,120}?)\s*\[member\]", re.IGNORECASE)
XBRL_TITLE_UNITS = lazy_compile(r"(?-i:\s-\s[A-Z]{3}\s\(\S{1,4}\)|,?\s\(?[A-Z]{3}\s\S{1,4}\))"
                              r"|(?:\$|(?<!\s))\s*in\s+(thousands|millions|billions)(,\s+unless\s+otherwise\s+specified)?",
                              re.IGNORECASE)
# The Schedule II text block's concept, by the part of its name every spelling shares:
# srt:ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock,
# us-gaap:ScheduleOfValuationAndQualifyingAccountsTableTextBlock, or a filer's own so named.
XBRL_SCHEDULE_BLOCK = "ValuationAndQualifyingAccounts"
XBRL_STRUCTURE = lazy_compile(r"\[(line items|roll forward|axis|abstract|table|domain)\]\s*:?$", re.IGNORECASE)
# (Tried only where a run of dots and spaces begins: from inside a long run of
# spaces, every start scanned to its end, in quadratic time.)
LEADER = re.compile(r"(?<![.\s])[.\s]{2,}$|\.{2,}")
# A row's first figure's dollar sign typed at the end of its label's cell, after the label or its
# leaders ("Allowance for doubtful accounts . . . . $" | "1,047"; an unlabelled total's "$" alone
# in the label's column): no word of the label.
LABEL_DOLLAR = re.compile(r"(?:^|(?<=[\s.]))\$$")

# The one of two periods ending on the same date whose balances the next period
# opens with: a restated year beside the year as first reported ("2002 (as
# restated)", "2002 (as previously reported)"), a successor beside its predecessor.
CARRIED_ON = lazy_compile(r"\b(?:restated|as\s+adjusted|as\s+revised|successor)\b", re.IGNORECASE)
# A balance at beginning printed restated ("Balance at beginning of year, as restated", "...,
# as adjusted" with no adoption beside it): it need not be the year before's balance at end.
RESTATED_BALANCE = re.compile(r"\b(?:restated|as\s+adjusted|as\s+revised|adjusted\s+(?:opening\s+|beginning\s+)?balance)\b",
                              re.IGNORECASE)
# A fresh start (ASC 852) or an acquisition pushed down: the successor's first period
# opens on a new basis, not with the predecessor's balances at end.
PREDECESSOR = lazy_compile(r"\bpredecessor\b", re.IGNORECASE)
SUCCESSOR = re.compile(r"\bsuccessor\b", re.IGNORECASE)
# A group of columns per reserve (two reserves side by side) opens with its balance at
# beginning and closes with its balance at end.
GROUP_OPENS = re.compile(r"\b(?:beginning|opening|start)\b", re.IGNORECASE)
GROUP_CLOSES = lazy_compile(r"\b(?:end|ending|closing)\b", re.IGNORECASE)
# A subtitle naming the schedule's span of several years says "years" (or "periods"):
# "For the three years ended December 31, 1996" is no period of one year.
SPAN_WORD = lazy_compile(r"\b(?:years|periods)\b", re.IGNORECASE)
# A count of years a title names ("For the three years ended", "each of the two fiscal
# years"): the periods a schedule under it shows, though it names one year.
YEARS_COUNTED = re.compile(r"\b(two|three|four|five|[2-5])\s+(?:fiscal\s+)?years\b", re.IGNORECASE)
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5}


def years_counted(text: str) -> int:
    """The most years `text` counts in words ("three years"), 0 where it counts none."""
    return max((COUNT_WORDS.get(m.group(1).lower()) or int(m.group(1)) for m in YEARS_COUNTED.finditer(text)),
               default=0)


# A period caption not at the start of its line: "Post-acquisition basis: Year ended December 31, 2001".
PERIOD_WORDS = lazy_compile(r"\b(year|years|period|fiscal|months|weeks|ended|ending)\b", re.IGNORECASE)


LABEL_WORDS = re.compile(r"[a-z0-9]+")


def row_key(label: str) -> str:
    """Row labels match across periods whatever their case, punctuation or plural."""
    return " ".join(w.rstrip("s") for w in LABEL_WORDS.findall(label.lower()))


# Words two labels share without naming one account: linking words, a standard's name or number,
# a date's or a note's figures ("Adoption of ASC 326 on January 1, 2020 - trade receivables").
_NAMING_NONE = frozenset(w.rstrip("s") for w in ("for", "of", "and", "on", "to", "in", "the", "from", "by", "with", "or",
                                                  "at", "no", "asc", "asu", "fas", "sfas", "fasb", "topic", "update"))


def naming_words(label: str) -> frozenset[str]:
    """The words of a label that can name its account (as `row_key` spells them)."""
    return frozenset(w for w in row_key(label).split() if w not in _NAMING_NONE and not w.isdigit())


def is_period(text: str) -> bool:
    """True for a period caption."""
    return bool(PERIOD_START.match(text) or (YEAR.search(text) and PERIOD_WORDS.search(text)) or by_place(text))


def by_place(text: str) -> bool:
    """A year named by its place ("Prior year"); (a substring test first: most labels name no year)."""
    return ("ear" in text or "EAR" in text) and YEAR_BY_PLACE.match(text) is not None


def _century(two_digits: int) -> int:
    """The year "FY24" means: 2024 (a Schedule II of "FY98" is 1998)."""
    return two_digits + (1900 if two_digits >= 70 else 2000)


def _end_date(label: str) -> Optional[date]:
    """The date a caption gives, in words ("December 31, 2002", "Dec. 31, '02") or in figures
    ("12/31/02").  A period "from March 1, 2003 to December 31, 2003", or "from inception
    (May 5, 2001) to December 31, 2001", ends on the last date it names."""
    match: Optional[re.Match[str]] = None
    for match in DATE.finditer(label):
        pass
    short = None if match else SHORT_DATE.search(label)
    numeric = None if match or short else NUMERIC_DATE.search(label)
    try:
        if match:
            return date(int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2)))
        if short:
            return date(_century(int(short.group(3))), MONTHS[short.group(1).lower()], int(short.group(2)))
        if numeric:
            year = int(numeric.group(3))
            return date(year if year > 99 else _century(year), int(numeric.group(1)), int(numeric.group(2)))
    except ValueError:
        pass
    return None


def _year(label: str, end: Optional[date]) -> Optional[int]:
    years = [int(m.group(0)) for m in YEAR.finditer(label)] or [_century(int(m.group(1))) for m in FY_YEAR.finditer(label)]
    return end.year if end else (max(years) if years else None)


def year_named(caption: str) -> Optional[int]:
    """The year a caption gives ("Year ended December 31, 1996:", "1996", "FY96"), or None."""
    return _year(caption, _end_date(caption))


def names_a_year(caption: str) -> bool:
    """The caption gives its period's year: "2003", "FY03", "Dec. 31, 03", "12/31/03"."""
    return YEAR.search(caption) is not None or _year(caption, _end_date(caption)) is not None  # (the common case first)


def period_struck(first: str, last: str) -> str:
    """A block's period (the movements as rows, a block a period) where no caption names it, from
    its first and last rows' labels: the date its closing balance is struck at ("Balance at
    December 31, 1993", the last's), else the year a balance names; "" where neither names one."""
    for label in (last, first):
        match = DATE.search(label) or YEAR.search(label)
        if match:
            return match.group(0)
    return ""


def period_from_caption(label: str, line: int, rows: Iterable[Row]) -> Period:
    """A period from its caption as printed: fiscal year and end date where it gives them."""
    end = _end_date(label)
    return Period(label=label, rows=tuple(rows), line=line, fiscal_year=_year(label, end), end_date=end)
