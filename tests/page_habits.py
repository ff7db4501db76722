"""Habits of whole 2000s HTML and 2019+ inline XBRL 10-Ks around a Schedule II,
as edits of a whole rendered filing (render_filing's html-1999, html-2003 and
ixbrl-2023 eras, with its index and the auditor's report before the schedule).

Test support, not part of the tool.  tests/submission_habits.py varies the
1993-2002 text submissions around the table; these vary the HTML pages.  Each
habit edits the filing's text with a sentinel before each printed figure
(render_html.SENTINEL), so every figure is placed where it stands after the
edit (`place_sentinels`):

page furniture inside the table
- page-number-row: a row "F-32" centred across the table after a middle row;
- page-head-rows: that row, then the registrant's name and "Schedule II
  (continued)" centred in rows of their own (the next page's head);
- page-number-label: the page's number alone in the label cell of an empty
  row ("F-32"), the registrant's name in the next row's (a word processor's
  footer and header kept in the table);
- page-number-bare: the same, the number bare ("32");
- page-number-bare-row: a row "32" centred across the table after a middle row;
- page-number-schedule-letter, page-number-dashes: page-number-label's row with
  "S-2" (a schedules' page), "- 2 -";
- split-period-continued: split-headed, the year the page broke in captioned
  again over the rest of its rows, "(continued)" after it;
- split-period-restated: the same, the caption printed again as it was (no
  "(continued)": "Year ended December 31, 2003" again);
- split-period-restated-bare: that caption over the rest of the rows in split-bare
  (no headings repeated over them);
- title-row-mid-table: inside the one table after a middle row, the next
  page's head as rows: "F-32", the registrant's name, the whole title
  "(Continued)", then the headings again;
- hr-between-rows: a bare <hr> between two rows (a browser hoists it out);
- break-div-between-rows: a <div style="page-break-before:always"> between two rows;
- split-headed: the table closed after a middle row, "F-32", a page break, the
  title again with "(continued)", a new <table> repeating the headings;
- split-bare: the same, the next page's head the registrant's name and
  "Schedule II (continued)", no headings over the rest;
- split-software: filing software's page break: the page number and a "Table
  of Contents" link in <div>s, a <div style="page-break-after:always"><hr></div>,
  the headings repeated in the next <table>;
- split-footnote-headed, split-footnote-bare (s38): split-headed, split-bare, the page's
  footnotes numbered as notes' headings are ("1. Uncollectible accounts written off, net of
  recoveries.") in paragraphs under the first part's table, over the page's number;
- split-footnote-prose-bare (s38): split-footnote-bare, the footnotes sentences numbered by no
  marker ("Uncollectible accounts written off, net of recoveries.");
- split-title-row: the next <table>'s first row "Schedule II - Valuation and
  Qualifying Accounts (continued)", its headings repeated under it;
the title
- title-paragraphs-above: the title in a <p>, two paragraphs of prose, then the
  units and the table;
- title-first-row: the title and units in the table's first row;
- title-bold-fonts: the title's two lines in bold <font> (<span> in inline XBRL)
  elements of a <div>, no <b>, no <p>;
- title-split-name: "SCHEDULE II" in one element, the registrant's name in the
  next, "VALUATION AND QUALIFYING ACCOUNTS" in a third;
decoys before the schedule
- toc-exhibit-index: the 10-K's table of contents and Item 15's list of
  schedules and exhibits, each naming "Schedule II - Valuation and Qualifying
  Accounts" with its page "F-32";
- note-vqa-prose: a note titled "Valuation and Qualifying Accounts" rolling the
  allowance forward in a sentence;
- note-vqa-table: a note titled "Note 6 - Valuation and Qualifying Accounts"
  with a small roll-forward table (Schedule II's columns, one row a year; it closes);
- heading-vqa-table: the same table under a bold heading "Valuation and
  qualifying accounts" among the notes, no note number (it closes: a reader
  taking it for a schedule finds nothing wrong in it);
after the schedule
- schedules-iii-iv: Schedule III (real estate, its reconciliation) and Schedule
  IV (mortgage loans, its reconciliation in Schedule II's columns: balance at
  beginning, additions, deductions, balance at end), then the signatures;
- schedules-iii-iv-title-rows (s35): schedules-iii-iv, each one's heading and units typed as its
  table's first rows (no text over the table);
- schedule-iv-next: on the page after the schedule's, Schedule IV's title and
  its reconciliation alone (Schedule II's columns), no table between;
- note-row-before, note-row-after (s36): a note's roll-forward of the allowance (Schedule II's
  columns, one row a year; it closes), its heading ("NOTE 5. ALLOWANCE FOR DOUBTFUL ACCOUNTS",
  "Note 7 - Reserves") typed as its table's first row (one cell across it, no text over the
  table): before the schedule's title, and right after the schedule (in inline XBRL inside the
  page the render tags as Schedule II's text block);
- note-after (s36): note-row-after, the note's heading a paragraph over its table;
- note-row-numbered (s37): note-row-after, the heading numbered alone ("5. Reserves", no "Note");
- note-numbered-after (s38): note-after, the heading numbered alone ("5. Reserves") a paragraph
  over the note's table;
the whole document
- amendment-only: a 10-K/A whose only content is the schedule: its cover (a table
  of the state, file number, I.R.S. number, address and zip code), an
  explanatory note naming Schedule II, the auditor's report on it, the
  schedule, the signatures.
"""

from __future__ import annotations

import copy
import re
from typing import Callable, Optional

import render_filing as rf
from render import Rendered
from render_html import SENTINEL, place_sentinels

ERAS = ("html-1999", "html-2003", "ixbrl-2023")
HABITS = ("page-number-row", "page-head-rows", "page-number-label", "page-number-bare", "page-number-bare-row",
          "page-number-schedule-letter", "page-number-dashes",
          "hr-between-rows", "break-div-between-rows",
          "split-headed", "split-bare", "split-footnote-headed", "split-footnote-bare", "split-footnote-prose-bare",
          "split-software", "split-title-row", "split-period-continued",
          "split-period-restated", "split-period-restated-bare", "title-row-mid-table", "title-paragraphs-above", "title-first-row", "title-bold-fonts", "title-split-name",
          "toc-exhibit-index", "note-vqa-prose", "note-vqa-table", "heading-vqa-table", "schedules-iii-iv",
          "schedule-iv-next", "schedules-iii-iv-title-rows", "note-row-before", "note-row-after", "note-after",
          "note-row-numbered", "note-numbered-after", "amendment-only")
NAME = "NORTHFIELD INDUSTRIES, INC."


# --- figures that follow the edits ------------------------------------------------


def marked(r: Rendered) -> Rendered:
    """The text with a sentinel before each figure; `figures` their keys in text order."""
    lines = r.text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    figures = sorted(r.figures, key=lambda f: (f.line, f.start))
    text = r.text
    for f in reversed(figures):
        at = starts[f.line - 1] + f.start - 1
        text = text[:at] + SENTINEL + text[at:]
    out = copy.copy(r)
    out.text = text
    out.figures = [(f.period, f.row, f.column, f.raw, f.value) for f in figures]
    out.others = []
    return out


def edited(r: Rendered, edit: Callable[[str], str]) -> Rendered:
    out = marked(r)
    out.text = edit(out.text)
    return place_sentinels(out)


# --- where the schedule stands in the filing ----------------------------------------

_TITLE = re.compile(r'<p align="center"><b>SCHEDULE II<br>VALUATION AND QUALIFYING ACCOUNTS(?:<br>([^<]*))?</b></p>\n'
                    r'<p align="center">([^<]*)</p>\n')
_IX_TITLE = re.compile("<p><b>Schedule II \u2014 Valuation and Qualifying Accounts( \\(in \\w+\\))?</b></p>\n")
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>\n?", re.DOTALL)


def title(text: str) -> re.Match:
    m = _TITLE.search(text) or _IX_TITLE.search(text)
    assert m, "no title"
    return m


def figure_rows(text: str) -> list:
    """The rows of the schedule that print a figure, as matches."""
    return [m for m in _ROW.finditer(text) if SENTINEL in m.group(0)]


def width(text: str) -> int:
    m = re.search(r'<tr><td colspan="(\d+)"', text[title(text).end():])
    return int(m.group(1)) if m else 21


def after_middle_row(text: str, insert: str) -> str:
    rows = figure_rows(text)
    at = rows[len(rows) // 2 - 1].end()
    return text[:at] + insert + text[at:]


def centred_row(text: str, words: str) -> str:
    return f'<tr><td colspan="{width(text)}" align="center"><font size="2">{words}</font></td></tr>\n'


def heading_rows(text: str) -> str:
    """The schedule's heading rows: from its <table> to its first period's row."""
    start = text.index("<table", title(text).start())
    body = text.index(">", start) + 1
    first_period = re.compile(r'<tr><td colspan="\d+"').search(text, body)
    rows = text[body:first_period.start()]
    return re.sub(r'<tr><td style="width:[^>]*/>.*?</tr>\n', "", rows)  # (filing software's sizing row once)


def schedule_end(text: str) -> int:
    """Just past the </table> closing the schedule's last figure."""
    return text.index("</table>", text.rindex(SENTINEL)) + len("</table>\n")


# --- page furniture inside the table --------------------------------------------------


def page_number_row(text: str) -> str:
    return after_middle_row(text, centred_row(text, "F-32"))


def page_head_rows(text: str) -> str:
    return after_middle_row(text, centred_row(text, "F-32") + centred_row(text, NAME)
                            + centred_row(text, "Schedule II (continued)"))


def page_number_label(text: str, number: str = "F-32") -> str:
    def row(words: str) -> str:
        return f'<tr><td><font size="2">{words}</font></td><td colspan="{width(text) - 1}">&nbsp;</td></tr>\n'
    return after_middle_row(text, row(number) + row(NAME))


def split_software(text: str) -> str:
    m = title(text)
    opening = text[text.index("<table", m.start()):]
    opening = opening[:opening.index(">") + 1] + "\n"
    return after_middle_row(text, '</table>\n<div style="text-align:center"><p>F-32</p></div>\n'
                            '<div style="page-break-after:always"><hr/></div>\n'
                            '<div><p><a href="#toc">Table of Contents</a></p></div>\n' + opening + heading_rows(text))


def split_period_continued(text: str, continued: bool = True, headed: bool = True) -> str:
    """split-headed (or split-bare), the caption of the period the page broke in
    printed again over the rest of its rows: "(continued)" after it, or as it was."""
    rows = figure_rows(text)
    at = rows[len(rows) // 2 - 1].end()
    captions = list(re.finditer(r'<tr><td colspan="\d+">(.*?)</td></tr>\n', text[:at]))
    caption = captions[-1].group(0) if captions else ""
    if continued:
        caption = re.sub(r"([^<>:]+?):?(</)", r"\1 (continued)\2", caption, count=1)
    broken = split(text, headed)
    if not caption:
        return broken
    head = heading_rows(text) if headed else ""
    opened = broken.index(head + text[at:], broken.index("F-32"))
    return broken[:opened] + head + caption + broken[opened + len(head):]


def split_part_period(text: str, continued: bool = False, over_headings: bool = False) -> Optional[str]:
    """A filing software's table (Workiva's one, Toppan's per period: render_software) split by
    a page break after a middle row with rows after it in its table: the rest in a <table> of its
    own under the table's headings and the period's caption again (or the caption over the
    headings), as it was or "(continued)" (None where no caption row is over the row in its table)."""
    rows = [m for m in re.finditer(r"<tr[^>]*>.*?</tr>\n", text, re.S) if SENTINEL in m.group(0)]
    rows = [m for m in rows if SENTINEL in text[m.end():text.index("</table>", m.end())]]
    if not rows:
        return None
    at = rows[(len(rows) - 1) // 2].end()
    opening = text.rindex("<table", 0, at)
    body = text.index(">", opening) + 1
    captions = list(re.finditer(r'<tr><td colspan="\d+">.*?</tr>\n', text[:at]))
    captions = [m for m in captions if m.start() >= body]
    if not captions:
        return None
    caption = captions[-1].group(0)
    if continued:
        caption = re.sub(r"([^<>:]+?):?(</)", r"\1 (continued)\2", caption, count=1)
    head = text[body:captions[0].start()]
    return (text[:at] + '</table>\n<p>F-32</p>\n<hr style="page-break-after:always">\n' + text[opening:body]
            + (caption + head if over_headings else head + caption) + text[at:])


def split_title_row(text: str) -> str:
    m = title(text)
    opening = text[text.index("<table", m.start()):]
    opening = opening[:opening.index(">") + 1] + "\n"
    head = (f'<tr><td colspan="{width(text)}" align="center"><b>Schedule II - Valuation and Qualifying Accounts '
            '(continued)</b></td></tr>\n')
    return after_middle_row(text, '</table>\n<p align="center">F-32</p>\n<hr style="page-break-after:always">\n'
                            + opening + head + heading_rows(text))


def title_row_mid_table(text: str) -> str:
    return after_middle_row(text, centred_row(text, "F-32") + centred_row(text, NAME)
                            + centred_row(text, "<b>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS (Continued)</b>")
                            + heading_rows(text))


def hr_between_rows(text: str) -> str:
    return after_middle_row(text, '<hr size="1" noshade>\n')


def break_div_between_rows(text: str) -> str:
    return after_middle_row(text, '<div style="page-break-before:always"></div>\n')


FOOTNOTES = ("1. Uncollectible accounts written off, net of recoveries.\n\n"
             "2. Reserves of businesses acquired.")


def split(text: str, headed: bool, footnotes: str = "") -> str:
    m = title(text)
    opening = text[text.index("<table", m.start()):]
    opening = opening[:opening.index(">") + 1] + "\n"
    if headed:
        head = (f'<p align="center"><b>SCHEDULE II<br>VALUATION AND QUALIFYING ACCOUNTS (continued)</b></p>\n'
                + opening + heading_rows(text))
    else:
        head = f'<p align="center">{NAME}<br>Schedule II (continued)</p>\n' + opening
    under = rf.html_paragraphs(footnotes) if footnotes else ""
    return after_middle_row(text, '</table>\n' + under + '<p align="center">F-32</p>\n<hr style="page-break-after:always">\n'
                            + head)


# --- the title ----------------------------------------------------------------------------


def _title_parts(text: str) -> tuple:
    """(the title's match, its subtitle or "", its units or "")."""
    m = title(text)
    if m.re is _TITLE:
        return m, m.group(1) or "", m.group(2)
    return m, "", (m.group(1) or "").strip()


def _retitled(text: str, new: Callable[[str, str], str]) -> str:
    m, subtitle, units = _title_parts(text)
    return text[:m.start()] + new(subtitle, units) + text[m.end():]


def title_paragraphs_above(text: str) -> str:
    def new(subtitle, units):
        lines = "<br>".join(x for x in ("SCHEDULE II", "VALUATION AND QUALIFYING ACCOUNTS", subtitle) if x)
        return (f'<p align="center"><b>{lines}</b></p>\n'
                '<p><font size="2">The following table sets forth the activity in the Company\'s valuation and '
                'qualifying accounts for each of the three years in the period ended December 31.</font></p>\n'
                '<p><font size="2">Deductions are principally accounts written off, net of recoveries.</font></p>\n'
                f'<p align="center">{units}</p>\n')
    return _retitled(text, new)


def title_first_row(text: str) -> str:
    m, subtitle, units = _title_parts(text)
    lines = "<br>".join(x for x in ("SCHEDULE II", "VALUATION AND QUALIFYING ACCOUNTS", subtitle, units) if x)
    columns = width(text)
    text = text[:m.start()] + text[m.end():]  # (inline XBRL: its prose stays above the table)
    start = text.index("<table", m.start())
    body = text.index(">", start) + 1
    row = f'\n<tr><td colspan="{columns}" align="center"><b>{lines}</b></td></tr>'
    return text[:body] + row + text[body:]


def title_bold_fonts(text: str) -> str:
    def new(subtitle, units):
        tag = "span" if "ix:header" in text else "font"
        bold = f'<{tag} style="font-weight:bold">' + "{}" + f"</{tag}>"
        lines = "<br>".join(bold.format(x) for x in ("SCHEDULE II", "VALUATION AND QUALIFYING ACCOUNTS", subtitle) if x)
        return f'<div align="center">{lines}</div>\n<div align="center">{units}</div>\n'
    return _retitled(text, new)


def title_split_name(text: str) -> str:
    def new(subtitle, units):
        sub = f'<div align="center"><b>{subtitle}</b></div>\n' if subtitle else ""
        return ('<p align="center"><b>SCHEDULE II</b></p>\n'
                f'<p align="center"><b>{NAME} AND SUBSIDIARIES</b></p>\n'
                '<div align="center"><b>VALUATION AND QUALIFYING ACCOUNTS</b></div>\n'
                f'{sub}<div align="center">{units}</div>\n')
    return _retitled(text, new)


# --- decoys before the schedule ------------------------------------------------------------


def _body_start(text: str) -> int:
    at = text.index("\n", text.index("<body>")) + 1
    header_end = text.find("</ix:header></div>\n")
    return header_end + len("</ix:header></div>\n") if header_end != -1 else at


def _before_body(text: str, html: str) -> str:
    at = _body_start(text)
    return text[:at] + html + text[at:]


def _before_title(text: str, html: str) -> str:
    m = title(text)
    at = text.rfind("<ix:nonNumeric", 0, m.start())
    at = at if at != -1 and "</ix:nonNumeric>" not in text[at:m.start()] else m.start()
    return text[:at] + html + text[at:]


TOC = rf._html_rows([["<b>TABLE OF CONTENTS</b>", "Page"],
                     ['<a href="#i8">Item 8. Financial Statements and Supplementary Data</a>', "F-1"],
                     ['<a href="#i15">Item 15. Exhibits and Financial Statement Schedules</a>', "88"],
                     ['<a href="#s2">Schedule II - Valuation and Qualifying Accounts</a>', "F-32"],
                     ['<a href="#sig">Signatures</a>', "91"]]) + '<hr style="page-break-after:always">\n'
ITEM_15 = (rf.html_paragraphs("Item 15. Exhibits and Financial Statement Schedules\n\n(a) The following documents "
                              "are filed as part of this report:")
           + rf._html_rows([["(1) Financial Statements", "Page"],
                            ["Consolidated Balance Sheets at December 31, 2003 and 2002", "F-3"],
                            ["(2) Financial Statement Schedule:", ""],
                            ["Schedule II - Valuation and Qualifying Accounts", "F-32"],
                            ["(3) Exhibits:", ""],
                            ["21 Subsidiaries of the Registrant", "E-1"],
                            ["23 Consent of Independent Registered Public Accounting Firm", "E-2"]]))


def toc_exhibit_index(text: str) -> str:
    return _before_title(_before_body(text, TOC), ITEM_15)


PROSE_NOTE = rf.html_paragraphs(
    "Note 6 - Valuation and Qualifying Accounts\n\nThe allowance for doubtful accounts was $1,210,000 at the "
    "beginning of 2003; the provision charged to expense was $412,000 and accounts written off, net of recoveries, "
    "were $365,000, leaving $1,257,000 at December 31, 2003 ($1,210,000 at December 31, 2002).")
NOTE_TABLE = rf._html_rows([["Allowance for doubtful accounts", "Balance at Beginning of Year",
                             "Additions Charged to Expense", "Deductions", "Balance at End of Year"],
                            ["2003", "$1,210", "$412", "$365", "$1,257"],
                            ["2002", "1,034", "388", "212", "1,210"],
                            ["2001", "987", "301", "254", "1,034"]])


def note_vqa_prose(text: str) -> str:
    return _before_title(text, PROSE_NOTE)


def note_vqa_table(text: str) -> str:
    return _before_title(text, rf.html_paragraphs("Note 6 - Valuation and Qualifying Accounts\n\nActivity in the "
                                                  "allowance for doubtful accounts was (in thousands):") + NOTE_TABLE)


def heading_vqa_table(text: str) -> str:
    return _before_title(text, rf.html_paragraphs("Note 5 - Receivables\n\nReceivables are stated net of the "
                                                  "allowance for doubtful accounts.")
                         + '<p><b>Valuation and qualifying accounts</b></p>\n' + NOTE_TABLE)


def note_row(heading: str) -> str:
    """A note's roll-forward table (NOTE_TABLE), its heading typed as its first row."""
    at = NOTE_TABLE.index(">") + 2
    return NOTE_TABLE[:at] + f'<tr><td colspan="5" align="left"><b>{heading}</b></td></tr>\n' + NOTE_TABLE[at:]


def note_row_before(text: str) -> str:
    return _before_title(text, note_row("NOTE 5. ALLOWANCE FOR DOUBTFUL ACCOUNTS"))


def note_row_after(text: str) -> str:
    at = schedule_end(text)
    return text[:at] + note_row("Note 7 - Reserves") + text[at:]


def note_row_numbered(text: str) -> str:
    at = schedule_end(text)
    return text[:at] + note_row("5. Reserves") + text[at:]


def note_after(text: str) -> str:
    at = schedule_end(text)
    return text[:at] + rf.html_paragraphs("Note 7 - Reserves") + NOTE_TABLE + text[at:]


def note_numbered_after(text: str) -> str:
    at = schedule_end(text)
    return text[:at] + rf.html_paragraphs("5. Reserves") + NOTE_TABLE + text[at:]


# --- after the schedule --------------------------------------------------------------------

def schedule_iv(foreclosed: str = "") -> str:
    """Schedule IV after Schedule II: its loans, then their reconciliation in
    Schedule II's columns, which closes; `foreclosed`: 2002's loans foreclosed
    (a change the columns do not print: that year's row does not close)."""
    ending_2002 = f"{5_210 - int(foreclosed.replace(',', '') or 0):,}"
    return ('<hr noshade>\n<p align="center"><b>SCHEDULE IV<br>MORTGAGE LOANS ON REAL ESTATE</b></p>\n'
            '<p align="center">(in thousands)</p>\n'
            + rf._html_rows([["Description", "Interest Rate", "Final Maturity Date", "Face Amount",
                              "Carrying Amount"],
                             ["First mortgage, office building, Ohio", "7.25%", "2009", "$3,500", "$3,120"],
                             ["First mortgage, warehouse, Texas", "6.80%", "2011", "2,000", "1,845"],
                             ["", "", "", "$5,500", "$4,965"]])
            + rf.html_paragraphs("Reconciliation of mortgage loans on real estate:")
            + rf._html_rows([["", "Balance at Beginning of Period", "Additions: New Loans",
                              "Deductions: Collections of Principal", "Balance at End of Period"],
                             ["2003", f"${ending_2002}", "$410", f"${int(ending_2002.replace(',', '')) - 4_555:,}",
                              "$4,965"],
                             ["2002", "5,480", "250", "520", ending_2002],
                             ["2001", "5,900", "\u2014", "420", "5,480"]])
            + (rf.html_paragraphs(f"In 2002 loans of ${foreclosed} thousand were foreclosed.") if foreclosed else ""))


def schedules_iii_iv(text: str) -> str:
    at = schedule_end(text)
    return text[:at] + rf._html_schedule_iii() + schedule_iv() + rf._html_signatures() + text[at:]


TITLE_OVER_TABLE = re.compile(r'<p align="center"><b>(SCHEDULE I[IV]+<br>[^<]*)</b></p>\n<p align="center">(\([^)<]*\))</p>\n'
                              r'(<table[^>]*>\n)')


def titles_in_rows(text: str) -> str:
    """Schedules III and IV after the schedule, each one's heading and units typed as its
    table's first rows (one cell across the table), no text over the table."""
    return TITLE_OVER_TABLE.sub(r'\3<tr><td colspan="6" align="center"><b>\1</b></td></tr>\n'
                                r'<tr><td colspan="6" align="center">\2</td></tr>\n', schedules_iii_iv(text))


def schedule_iv_next(text: str) -> str:
    at = schedule_end(text)
    iv = schedule_iv()
    iv = iv[:iv.index('<table')] + iv[iv.index('<p style="margin-top:6pt"><font size="2">Reconciliation'):]
    return text[:at] + '<p align="center">F-32</p>\n<hr style="page-break-after:always">\n' + iv + text[at:]


# --- a 10-K/A of the schedule alone ----------------------------------------------------------

COVER = rf._html_rows([["Delaware", "1-12345", "13-3456789"],
                       ["(State or other jurisdiction of incorporation)", "(Commission File Number)",
                        "(I.R.S. Employer Identification No.)"],
                       ["1200 Harbor Drive, Northfield, Illinois", "", "60093"],
                       ["(Address of principal executive offices)", "", "(Zip Code)"]])
AMENDMENT = rf.html_paragraphs(
    "UNITED STATES SECURITIES AND EXCHANGE COMMISSION\n\nFORM 10-K/A\n\n(Amendment No. 1)") + COVER + rf.html_paragraphs(
    "Registrant's telephone number, including area code: (847) 555-0100\n\n"
    "EXPLANATORY NOTE\n\nThis Amendment No. 1 to the Annual Report on Form 10-K for the year ended December 31, "
    "2003 is being filed solely to include Schedule II - Valuation and Qualifying Accounts, which was "
    "inadvertently omitted from the original filing.  No other part of the Form 10-K is amended.\n\n"
    "Item 15. Exhibits and Financial Statement Schedules\n\n(a)(2) Schedule II - Valuation and Qualifying Accounts")
AMENDMENT_REPORT = rf.html_paragraphs(
    "REPORT OF INDEPENDENT REGISTERED PUBLIC ACCOUNTING FIRM ON FINANCIAL STATEMENT SCHEDULE\n\n"
    "Our audits of the consolidated financial statements referred to in our report dated February 12, 2004 "
    "also included an audit of the financial statement schedule listed in Item 15(a)(2) of this Form 10-K/A, "
    "Schedule II - Valuation and Qualifying Accounts.  In our opinion, this financial statement schedule "
    "presents fairly, in all material respects, the information set forth therein.")


def amendment(spec: dict, era: str) -> Rendered:
    """The schedule alone in a 10-K/A (html-1999: the submission's one document)."""
    inner = rf.table(spec, era)
    out = rf._inside_body(inner, AMENDMENT + AMENDMENT_REPORT, rf._html_signatures())
    if era not in rf.SUBMISSIONS:
        return out
    header = rf.HEADER.replace("SUBMISSION TYPE:\t10-K", "SUBMISSION TYPE:\t10-K/A")
    return rf._shifted(out, header + "<DOCUMENT>\n<TYPE>10-K/A\n<SEQUENCE>1\n<TEXT>\n",
                       "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")


EDITS = {"page-number-row": page_number_row, "page-head-rows": page_head_rows, "hr-between-rows": hr_between_rows,
         "break-div-between-rows": break_div_between_rows, "split-headed": lambda t: split(t, True),
         "split-bare": lambda t: split(t, False),
         "split-footnote-headed": lambda t: split(t, True, FOOTNOTES),
         "split-footnote-bare": lambda t: split(t, False, FOOTNOTES),
         "split-footnote-prose-bare": lambda t: split(t, False, re.sub(r"(?m)^\d\. ", "", FOOTNOTES)), "page-number-label": page_number_label,
         "page-number-bare": lambda t: page_number_label(t, "32"),
         "page-number-bare-row": lambda t: after_middle_row(t, centred_row(t, "32")),
         "page-number-schedule-letter": lambda t: page_number_label(t, "S-2"),
         "page-number-dashes": lambda t: page_number_label(t, "- 2 -"),
         "split-software": split_software, "split-title-row": split_title_row,
         "split-period-continued": split_period_continued,
         "split-period-restated": lambda t: split_period_continued(t, continued=False),
         "split-period-restated-bare": lambda t: split_period_continued(t, continued=False, headed=False),
         "title-row-mid-table": title_row_mid_table, "title-paragraphs-above": title_paragraphs_above,
         "title-first-row": title_first_row, "title-bold-fonts": title_bold_fonts,
         "title-split-name": title_split_name, "toc-exhibit-index": toc_exhibit_index,
         "note-vqa-prose": note_vqa_prose, "note-vqa-table": note_vqa_table, "heading-vqa-table": heading_vqa_table,
         "schedules-iii-iv": schedules_iii_iv,
         "schedule-iv-next": schedule_iv_next, "schedules-iii-iv-title-rows": titles_in_rows,
         "note-row-before": note_row_before, "note-row-after": note_row_after,
         "note-after": note_after, "note-row-numbered": note_row_numbered, "note-numbered-after": note_numbered_after}


def filing(spec: dict, era: str, habit: str) -> Rendered:
    """The era's whole filing (its index and the auditor's report before the
    schedule) with the habit applied."""
    if habit == "amendment-only":
        return amendment(spec, era)
    return edited(rf._filing(spec, era, {"index-report"}), EDITS[habit])


# --- the tally -------------------------------------------------------------------------------

VERDICTS = {"read": "right", "misread": "wrong", "false": "wrong", "input": "refused"}


def outcome(spec: dict, era: str, habit: str, kind: str, ruleset) -> tuple:
    """(verdict, why, decoy): right / wrong / refused, and whether a cell
    outside the schedule was read as a schedule's (sweep_filings.outcome)."""
    import auditor
    from auditor import source
    from expect import expected_errors
    from test_html_era_markup import planted

    from expect import apart, read_cells, reported_errors, units_misread

    spec = planted(spec) if kind == "planted" else spec
    rendered = filing(spec, era, habit)
    name = "filing.txt" if era in rf.SUBMISSIONS else "filing.htm"
    result = auditor.check_source(source.from_text(rendered.text, name), ruleset)
    if result.error is not None:
        return "refused", str(result.error), False
    read = read_cells(result.schedules)
    for f in rendered.figures:
        got = read.get((f.line, f.start))
        if got is None or got[1] != f.value:
            return "wrong", f"{f.raw} at {f.line}:{f.start} read {got}", False
    if not apart(result.schedules, [rendered]):
        return "wrong", f"read into {len(result.schedules)} schedules", False
    wrong_units = units_misread(result.schedules, [rendered])
    if wrong_units is not None:
        return "wrong", wrong_units, False
    printed = {(f.line, f.start) for f in rendered.figures}
    decoy = any(key not in printed for key in read)
    want, got = expected_errors(spec, rendered), reported_errors(result)
    if got != want:
        return "wrong", f"extra {sorted(got - want)[:2]} missed {sorted(want - got)[:2]}", decoy
    return "right", "", decoy


def tables() -> list:
    from conftest import SHARED

    return sorted((SHARED / "real-tables").glob("*.json"))


def cases() -> list:
    """(name, kind, spec): every real table clean, every other one planted."""
    import json

    out = []
    for n, path in enumerate(tables()):
        spec = json.loads(path.read_text())
        out.append((path.stem, "clean", spec))
        if n % 2 == 0:
            out.append((path.stem, "planted", spec))
    return out


def main(habits: list) -> None:
    import auditor

    ruleset = auditor.load_rules()
    for habit in habits or HABITS:
        for era in ERAS:
            counts = {"right": 0, "wrong": 0, "refused": 0, "decoy": 0}
            said = []
            for name, kind, spec in cases():
                verdict, why, decoy = outcome(spec, era, habit, kind, ruleset)
                counts[verdict] += 1
                counts["decoy"] += decoy
                if (verdict != "right" or decoy) and len(said) < 2:
                    said.append(f"{name}/{kind} {verdict}{' decoy' if decoy else ''}: {why[:200]}")
            print(f"{habit:24} {era:11} right {counts['right']:2}  wrong {counts['wrong']:2}  "
                  f"refused {counts['refused']:2}  decoy-read {counts['decoy']:2}", flush=True)
            for line in said:
                print("      ", line, flush=True)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
