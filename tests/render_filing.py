"""A rendered Schedule II embedded in a whole filing of its era, among what
real 10-Ks print around one (issue 12: whole filings as filed).

Eras: "text-1997" (an EDGAR SGML submission, every document text),
"html-1999" (the submission's 10-K an HTML document, its exhibits text),
"html-2003" (the 10-K alone as an .htm), "ixbrl-2023" (filing software's
inline XBRL primary document).  Wrappers name the decoys around the schedule:

- "index-report": an index of financial statement schedules naming
  "Schedule II -- Valuation and Qualifying Accounts ... S-2" and the
  auditor's report on the schedule naming it, before the schedule;
- "notes-allowance": a note rolling the allowance for doubtful accounts
  forward (years as columns, and a second note with the movements as
  columns), before the schedule: no Schedule II, its arithmetic closes;
- "index-activity": the index's line naming the schedule and its page (text:
  dot leaders; HTML: a paragraph of Item 15, as Medicis's 1999 10-K prints
  it), then notes under "NOTE 9 --" headings rolling stock options (a
  weighted average price, which sums to nothing) and a restructuring
  reserve (dated balances, each year chained) forward;
- "index-numbered-notes": the same, the index's page after spaces (text) or
  in the next cell of an index table (HTML), the notes numbered "(9)" or
  "9." with no "Note" word;
- "notes-tagged": the allowance note of "notes-allowance" (years as
  columns), in the ixbrl-2023 era tagged with Schedule II's own concepts
  (us-gaap:ValuationAllowancesAndReservesBalance, ...ChargedToCostAndExpense,
  ...Deductions) on the ValuationAllowancesAndReservesTypeAxis, its
  contexts in the document's ix:resources: a roll-forward of facts that
  closes, before the schedule (other eras print it untagged);
- "omitted-ex99": the 10-K says "Schedule II ... omitted" in its body and
  the schedule comes in a document of its own, an EX-99 (whole HTML alone:
  the schedule after the sentence);
- "schedule-iii-signatures": after the schedule's page, Schedule III (real
  estate and accumulated depreciation, a table of figures), the signature
  page and the exhibit index;
- "contents-notes": a table of contents naming the schedule with a bare page
  number (text: after spaces; HTML: links, the page in the next cell), then
  the notes of "notes-allowance";
- "title-apart", "title-unnumbered": the schedule's own title printed
  otherwise (`retitled`);
- "combined-registrants": the schedule printed twice, the parent's and a
  subsidiary's, each under its own name (`combined`; `Rendered.others`);
- "running-head-named": the running head over each part after a page break
  (html-2003) the registrant's name and the whole title, no "(continued)";
- "after-signatures": the signature page, the exhibit index and the index of
  schedules before the schedule (a 10-K that files its schedules last);
- "exhibits": the SGML header and the exhibits after the 10-K: EX-21,
  EX-23 (the consent naming the schedule), EX-27 (the financial data
  schedule, a <TABLE> of tagged figures);
- "all": every decoy above at once.

`filing(spec, era, wrapper)` returns a `Rendered` whose text is the whole
filing and whose figures stand where they are printed in it (the table's
lines moved down by what comes before it, columns unchanged), so
expect.expected_errors holds for it as for the table alone.  Every decoy's
arithmetic closes: a tool that reads one as a schedule must find nothing
wrong in it.  `omitted_filing(era)` is a filing with no schedule at all.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from render import Layout, Rendered, render as render_text
from render_html import HtmlStyle, render as render_html
from render_software import Software, render_software
import submission_habits as habits

ERAS = ("text-1993", "text-1997", "html-1999", "html-2003", "ixbrl-2023")
WRAPPERS = ("index-report", "notes-allowance", "notes-tagged", "index-activity", "index-numbered-notes", "omitted-ex99",
            "schedule-iii-signatures", "exhibits", "contents-notes", "title-apart", "title-unnumbered",
            "combined-registrants", "running-head-named", "after-signatures", "all",
            "page-furniture", "dos-typed", "caption-title", "schedules-1994", "ex13-10k405", "wrapped-80")
DECOYS = WRAPPERS[:WRAPPERS.index("all")]
# Habits of the whole submission (submission_habits), each around the index,
# the auditor's report and the exhibits; not in "all".
HABITS = WRAPPERS[WRAPPERS.index("all") + 1:]
HABIT_DECOYS = {"index-report", "exhibits"}
# Habits the tool refuses in part (an input error naming the line), in the eras they change:
# a table's lines wrapped at column 80, its headings too, read where the rows show the edge and
# every heading's rest is placed for sure (all 24 tables in text-1993 since s36-wrap7, its rule and
# headings wrapped twice read; all 24 in text-1997 since s36-rows2x: cik863204-2000's rows wrapped twice,
# their middle figures placed under the wrapped rule's runs, its headings typed again after <PAGE>
# joined back as the first were), else refused.  None refused now.
REFUSED: set[tuple[str, str]] = set()
# Wrappers that print the schedule itself otherwise (its title), or more than once.
RETITLED = ("title-apart", "title-unnumbered", "combined-registrants", "running-head-named")
TEXT_ERAS = ("text-1993", "text-1997")
SUBMISSIONS = ("text-1993", "text-1997", "html-1999")  # (an SGML submission; the others an .htm alone)

TEXT_LAYOUT = Layout(heading_depth=2, column_letters=True, additions_span=True, case="mixed", dollar="every",
                     page_break="page_tag", break_after=3)
# Typed, untagged: no <TABLE>, <CAPTION> nor <S>/<C> in the schedule or around it.
TYPED_LAYOUT = Layout(heading_depth=3, heading_align="right", table_tags=False, dollar="none", nil="--",
                      period_style="keep", units_style="(Dollars in thousands)")
HTML_1999 = HtmlStyle()
HTML_2003 = HtmlStyle(page_break=5, repeat_headings=False, reverse=True, nil="\u2014", heading_rows=2)
IXBRL_2023 = Software(html=HtmlStyle(xhtml=True, ixbrl=True, wrapper="span", notes="cell", dollar="every",
                                     nil="&#8212;", newline_cells=False),
                      sizing_row=True, label_span=3, paren="inside", nbsp_after=True, title_far=True,
                      ix_header=True, period="bare", spacer_rows=True)


def table(spec: dict, era: str) -> Rendered:
    """The schedule alone, as the era's filings print it."""
    if era in TEXT_ERAS:
        return render_text(spec, _text_layout(spec, TYPED_LAYOUT if era == "text-1993" else TEXT_LAYOUT))
    if era == "ixbrl-2023":
        return render_software(spec, IXBRL_2023)
    return render_html(spec, HTML_1999 if era == "html-1999" else HTML_2003)


def _text_layout(spec: dict, layout: Layout) -> Layout:
    from render import period_date

    years = [d[0] for d in (period_date(p["label"]) for p in spec["periods"]) if d]
    if len(set(years)) != len(spec["periods"]):
        return replace(layout, period_style="keep")
    return layout


def filing(spec: dict, era: str, wrapper: str) -> Rendered:
    if wrapper in HABITS:
        return habit(spec, era, wrapper)
    return _filing(spec, era, {wrapper} if wrapper != "all" else set(DECOYS) - {"title-unnumbered"})


def _filing(spec: dict, era: str, decoys: set, inner: Rendered | None = None) -> Rendered:
    """The table among `decoys` (the "all" wrapper: every one but "title-unnumbered",
    whose title is "title-apart"'s)."""
    inner = inner or table(spec, era)
    html = era not in TEXT_ERAS
    if decoys & {"title-apart", "title-unnumbered"}:
        inner.text = retitled(inner.text, era, "title-apart" if "title-apart" in decoys else "title-unnumbered")
    if "running-head-named" in decoys:
        inner.text = inner.text.replace(RUNNING_HEAD, NAMED_HEAD)
    if "combined-registrants" in decoys:
        inner = combined(spec, era, inner)
    body_before, body_after = _around(decoys, html)
    if era == "text-1993":
        body_before, body_after = untagged(body_before), untagged(body_after)
    inner = (_inside_body if html else _shifted)(inner, body_before, body_after)
    if "notes-tagged" in decoys and era == "ixbrl-2023":
        inner.text = inner.text.replace("</ix:resources>", TAGGED_NOTE_CONTEXTS + "</ix:resources>", 1)
    if era not in SUBMISSIONS:
        return inner  # (a whole HTML 10-K: "omitted-ex99" prints the sentence in Item 15, the schedule after it)
    before_doc, after_doc = _submission(decoys, html, era)
    return _shifted(inner, before_doc, after_doc)


def registrant(spec: dict) -> str:
    """The registrant's name as its pages print it: the real tables' names
    without what their excerpt added ("(SEC CIK 21076)"), a name for those
    it did not show."""
    name = re.sub(r"\s*\(.*\)", "", spec.get("company", ""))
    return name if name and not re.search(r"\d", name) else "Northfield Industries, Inc."


def habit(spec: dict, era: str, wrapper: str) -> Rendered:
    """The filing of HABIT_DECOYS with one habit of 1993-2002 submissions
    (submission_habits; text eras, and the submission's text or HTML 10-K
    where the habit is the submission's: "ex13-10k405", "schedules-1994")."""
    inner = table(spec, era)
    decoys = HABIT_DECOYS | {wrapper}
    if wrapper == "schedules-1994" and era != "ixbrl-2023":
        inner.text = (habits.renumbered_viii(inner.text) if era in TEXT_ERAS
                      else inner.text.replace("<b>SCHEDULE II<br>", "<b>SCHEDULE VIII<br>", 1))
        decoys = {"exhibits", wrapper}
    if wrapper == "ex13-10k405":  # (the index in the 10-K405, the notes before the schedule in the EX-13)
        decoys = {"notes-allowance", "exhibits", wrapper}
    if wrapper == "caption-title" and era in TEXT_ERAS:
        printed = spec.get("company", "THE REGISTRANT").upper()[:60]  # (as render.py prints it)
        inner.text = inner.text.replace(printed, registrant(spec).upper(), 1)
        inner = habits.caption_title(inner)
    out = _filing(spec, era, decoys, inner)
    if era not in TEXT_ERAS:
        return out
    if wrapper == "page-furniture":
        return habits.page_furniture(out, registrant(spec))
    if wrapper == "dos-typed":
        return habits.dos_typed(out)
    if wrapper == "wrapped-80":
        return habits.wrapped(out)
    return out


def untagged(text: str) -> str:
    """Text decoys typed as 1993 filings were: no table tags."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not re.match(r"\s*</?(TABLE|CAPTION)>|\s*<S>\s", line, re.IGNORECASE))


def omitted_filing(era: str) -> str:
    """A whole filing of the era whose 10-K omits Schedule II: nothing to read."""
    html = era not in TEXT_ERAS
    words = html_paragraphs(OMITTED) if html else OMITTED
    body = html_paragraphs(INDEX_LEAD) + _html_notes() + words if html else INDEX_LEAD + TEXT_NOTES + words
    if html:
        body = f"<html>\n<head><title>Annual report</title></head>\n<body>\n{body}{_html_signatures()}</body>\n</html>\n"
    else:
        body += TEXT_SIGNATURES
    if era in SUBMISSIONS:
        return HEADER + _document("10-K", 1, body) + _document("EX-27", 2, TEXT_EX27) + "</SEC-DOCUMENT>\n"
    return body


# --- moving a table into its filing -------------------------------------------


def _shifted(inner: Rendered, before: str, after: str) -> Rendered:
    """`before` + the table's text + `after`, its figures moved down past `before`."""
    assert not before or before.endswith("\n")
    out = copy.copy(inner)
    out.text = before + inner.text + after
    return _moved(out, before.count("\n"))


def _moved(inner: Rendered, lines: int) -> Rendered:
    """The figures (and those of the other schedules printed with them) `lines` lines down."""
    out = copy.copy(inner)
    out.figures = [replace(f, line=f.line + lines) for f in inner.figures]
    out.others = [_moved(other, lines) for other in inner.others]
    return out


def _inside_body(inner: Rendered, before: str, after: str) -> Rendered:
    """The decoys inside an HTML document's <body>, as whole lines around the
    table (after the hidden inline XBRL header, as filing software writes it)."""
    text = inner.text
    opening = text.index("\n", text.index("<body>")) + 1
    header_end = text.find("</ix:header></div>\n")
    if header_end != -1:
        opening = header_end + len("</ix:header></div>\n")
    closing = text.rindex("</body>")
    out = copy.copy(inner)
    out.text = text[:opening] + before + text[opening:closing] + after + text[closing:]
    assert all(f.line > text[:opening].count("\n") for f in inner.figures)
    return _moved(out, before.count("\n"))


def _around(decoys: set, html: bool) -> tuple:
    before, after = "", ""
    if "contents-notes" in decoys:
        before += (_html_contents() + _html_notes()) if html else TEXT_CONTENTS + TEXT_NOTES
    if "omitted-ex99" in decoys and html:
        before += html_paragraphs(OMITTED_HERE)
    if "index-report" in decoys:
        before += (_html_index() + html_paragraphs(REPORT)) if html else TEXT_INDEX + TEXT_REPORT
    if "notes-allowance" in decoys:
        before += _html_notes() if html else TEXT_NOTES
    if "notes-tagged" in decoys:
        before += _html_tagged_note() if html else TEXT_NOTES
    if "index-activity" in decoys:
        before += (html_paragraphs(INDEX_PARAGRAPH) + html_activity()) if html else TEXT_INDEX + TEXT_ACTIVITY
    if "index-numbered-notes" in decoys:
        before += (_html_index() + html_activity("{n}. ")) if html else TEXT_INDEX_SPACED + TEXT_ACTIVITY_NUMBERED
    if "after-signatures" in decoys:  # (the schedule on the pages after the signatures and the exhibit index)
        before += (_html_signatures() + _html_exhibit_index() + _html_index()) if html else (
            TEXT_SIGNATURES + TEXT_EXHIBIT_INDEX + TEXT_INDEX)
    if "schedules-1994" in decoys and not html:  # (Schedule VIII among V, VI, IX and X)
        before += habits.SCHEDULES_1994_INDEX + habits.SCHEDULES_V_VI
        after += habits.SCHEDULES_IX_X
    if "schedule-iii-signatures" in decoys:
        after += (_html_schedule_iii() + _html_signatures() + _html_exhibit_index()) if html else (
            TEXT_SCHEDULE_III + TEXT_SIGNATURES + TEXT_EXHIBIT_INDEX)
    return before, after


# --- the schedule's own title, printed otherwise -------------------------------

# (Each rewrite keeps the lines where they are: the figures' places stand.)
_TEXT_NUMBER = re.compile(r"^( *)SCHEDULE II *$", re.MULTILINE)
_TEXT_WORDS = re.compile(r"^( *)VALUATION AND QUALIFYING ACCOUNTS *$", re.MULTILINE)
_HTML_TITLE = '<p align="center"><b>SCHEDULE II<br>VALUATION AND QUALIFYING ACCOUNTS</b></p>'
_IXBRL_TITLE = "Schedule II \u2014 Valuation and Qualifying Accounts"


def retitled(text: str, era: str, how: str) -> str:
    """The schedule's title as other 10-Ks print it.  "title-apart": its number
    and its words apart ("SCHEDULE II (CONSOLIDATED)" over the registrant's
    name over the words; HTML: two paragraphs (1999), the two rows of a
    table of their own (2003, inline XBRL)).  "title-unnumbered": the words
    alone, no "Schedule II" ("VALUATION AND QUALIFYING ACCOUNTS AND RESERVES")."""
    if era in TEXT_ERAS:
        if how == "title-apart":
            return _TEXT_NUMBER.sub(lambda m: m.group(1)[:-7] + "SCHEDULE II (CONSOLIDATED)", text, 1)
        text = _TEXT_NUMBER.sub("", text, 1)
        return _TEXT_WORDS.sub(lambda m: m.group(1)[:-6] + "VALUATION AND QUALIFYING ACCOUNTS AND RESERVES", text, 1)
    if era == "ixbrl-2023":
        words = "<b>Valuation and Qualifying Accounts"
        if how == "title-apart":
            words = ('<table style="width:100%"><tr><td style="text-align:center"><b>Schedule II</b></td></tr>'
                     '<tr><td style="text-align:center"><b>Valuation and Qualifying Accounts</b></td></tr></table><p><b>')
        return text.replace("<b>" + _IXBRL_TITLE, words, 1)
    if how == "title-unnumbered":
        return text.replace(_HTML_TITLE, '<p align="center"><b>VALUATION AND QUALIFYING ACCOUNTS AND RESERVES</b></p>', 1)
    if era == "html-1999":
        return text.replace(_HTML_TITLE, '<p align="center"><b>SCHEDULE II</b></p><p align="center"><b>VALUATION AND '
                                         'QUALIFYING ACCOUNTS</b></p>', 1)
    return text.replace(_HTML_TITLE, '<table width="100%"><tr><td align="center"><b>SCHEDULE II</b></td></tr><tr>'
                                     '<td align="center"><b>VALUATION AND QUALIFYING ACCOUNTS</b></td></tr></table>', 1)


# After each page break of the schedule (html-2003: its parts headless), the
# registrant's name over the whole title again, "continued" nowhere: the same
# schedule's next page, not another registrant's (as "combined-registrants").
RUNNING_HEAD = '<p align="center">SCHEDULE II (continued)</p>'
NAMED_HEAD = '<p align="center">NORTHFIELD INDUSTRIES, INC.<br>SCHEDULE II<br>VALUATION AND QUALIFYING ACCOUNTS</p>'


# --- a combined filing: a schedule per registrant ---------------------------------

PARENT, SUBSIDIARY = "NORTHFIELD ENERGY CORPORATION", "NORTHFIELD ELECTRIC COMPANY"


def combined(spec: dict, era: str, inner: Rendered) -> Rendered:
    """The schedule printed twice, as a utility holding company's combined 10-K
    prints one per registrant, each titled with the registrant's name: the
    parent's, then the subsidiary's (the same figures: each must be read,
    `Rendered.others` holds the second's)."""
    first = _named(inner, era, PARENT)
    second = _named(table(spec, era), era, SUBSIDIARY)
    if era in TEXT_ERAS:
        out = _shifted(first, "", "\n<PAGE>\n" + second.text)
        moved = _shifted(second, first.text + "\n<PAGE>\n", "")
    else:
        start, body = _body(second.text)
        closing = first.text.rindex("</body>")
        out = copy.copy(first)
        out.text = first.text[:closing] + "<hr>\n" + body + first.text[closing:]
        moved = _moved(second, first.text[:closing].count("\n") + 1 - second.text[:start].count("\n"))
    out.others = [moved]
    return out


def _named(inner: Rendered, era: str, name: str) -> Rendered:
    """The schedule's title with the registrant's name (its lines kept)."""
    out = copy.copy(inner)
    if era in TEXT_ERAS:
        lines = inner.text.split("\n")
        at = next(k for k, line in enumerate(lines) if line.strip().startswith("SCHEDULE II"))
        company = next(k for k in range(at + 1, at + 4) if lines[k].strip())
        lines[company] = " " * (40 - len(name) // 2) + name
        out.text = "\n".join(lines)
    elif era == "ixbrl-2023":
        out.text = inner.text.replace("<b>" + _IXBRL_TITLE, f"<b>{name.title()} \u2014 " + _IXBRL_TITLE, 1)
    else:
        out.text = inner.text.replace("<b>SCHEDULE II<br>", f"<b>{name}<br>SCHEDULE II<br>", 1)
    return out


def _body(text: str) -> tuple:
    """An HTML document's body from its first printed line (past an inline
    XBRL header, whose facts are the first document's) to </body>: the schedule
    printed again, its figures untagged where they were tagged, each in its place."""
    start = text.index("\n", text.index("<body>")) + 1
    header_end = text.find("</ix:header></div>\n")
    if header_end != -1:
        start = header_end + len("</ix:header></div>\n")
    return start, _untagged_facts(text[start : text.rindex("</body>")])


def _untagged_facts(html: str) -> str:
    """Inline XBRL tags turned into spans of the same length (a figure's column stands)."""
    def span(m: re.Match) -> str:
        if m.group(1):
            return "</span><!--" + " " * (len(m.group(0)) - 14) + "-->"
        return '<span title="' + "x" * (len(m.group(0)) - 15) + '">'
    return re.sub(r"<(/?)ix:(?:nonFraction|nonNumeric)\b[^>]*>", span, html)


# --- the SGML submission --------------------------------------------------------

HEADER = """<SEC-DOCUMENT>0000950123-98-000123.txt : 19980327
<SEC-HEADER>0000950123-98-000123.hdr.sgml : 19980327
ACCESSION NUMBER:\t\t0000950123-98-000123
CONFORMED SUBMISSION TYPE:\t10-K
PUBLIC DOCUMENT COUNT:\t\t5
CONFORMED PERIOD OF REPORT:\t19971231
FILED AS OF DATE:\t\t19980327

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tNORTHFIELD INDUSTRIES INC
\t\tCENTRAL INDEX KEY:\t\t\t0000912345
\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tMISCELLANEOUS MANUFACTURING INDUSTRIES [3990]
\t\tFISCAL YEAR END:\t\t\t1231
</SEC-HEADER>
"""


def _document(kind: str, sequence: int, body: str, description: str = "") -> str:
    described = f"<DESCRIPTION>{description}\n" if description else ""
    return f"<DOCUMENT>\n<TYPE>{kind}\n<SEQUENCE>{sequence}\n{described}<TEXT>\n{body}</TEXT>\n</DOCUMENT>\n"


def _submission(decoys: set, html: bool, era: str) -> tuple:
    """What comes before and after the schedule's document in the submission."""
    before = HEADER
    opening = "<DOCUMENT>\n<TYPE>{kind}\n<SEQUENCE>{n}\n<TEXT>\n"
    if "ex13-10k405" in decoys:  # (a 10-K405 whose financial statements and schedule are its EX-13's)
        ten_k = (_html_page(html_paragraphs(INDEX_LEAD) + _html_index() + _html_signatures()) if html
                 else INDEX_LEAD + TEXT_INDEX + TEXT_SIGNATURES)
        before = before.replace("SUBMISSION TYPE:\t10-K", "SUBMISSION TYPE:\t10-K405")
        before += _document("10-K405", 1, ten_k)
        before += opening.format(kind="EX-13", n=2)
    elif "omitted-ex99" in decoys:
        ten_k = (_html_page(html_paragraphs(INDEX_LEAD) + html_paragraphs(OMITTED)) if html
                 else INDEX_LEAD + OMITTED + TEXT_SIGNATURES)
        before += _document("10-K", 1, ten_k)
        before += opening.format(kind="EX-99", n=2)
    else:
        before += opening.format(kind="10-K", n=1)
    after = "</TEXT>\n</DOCUMENT>\n"
    if "exhibits" in decoys:
        after += _document("EX-21", 3, TEXT_EX21, "SUBSIDIARIES")
        after += _document("EX-23", 4, TEXT_EX23, "CONSENT OF INDEPENDENT ACCOUNTANTS")
        after += _document("EX-27", 5, TEXT_EX27, "FINANCIAL DATA SCHEDULE")
    return before, after + "</SEC-DOCUMENT>\n"


# --- text decoys ----------------------------------------------------------------

# A table of contents at the 10-K's top: the schedule named with its page
# number bare (no dot leaders, no "S-"), the notes soon after it.
TEXT_CONTENTS = """
                               TABLE OF CONTENTS

                                                                        Page
PART IV
Item 14.  Exhibits, Financial Statement Schedules and Reports on Form 8-K   38
          Schedule II - Valuation and Qualifying Accounts                  41
Signatures                                                                 42

<PAGE>
"""

INDEX_LEAD = """
                                   PART IV

ITEM 14.  EXHIBITS, FINANCIAL STATEMENT SCHEDULES, AND REPORTS ON FORM 8-K

     (a) 1. Financial Statements: see Item 8.

</PAGE>
"""

TEXT_INDEX = """
                   INDEX TO FINANCIAL STATEMENT SCHEDULES

                                                                        Page
                                                                        ----
Report of Independent Accountants on Financial Statement Schedule ...   S-1
Schedule II -- Valuation and Qualifying Accounts .....................   S-2

     All other schedules are omitted because they are not applicable or the
required information is shown in the financial statements or notes thereto.

<PAGE>
"""

TEXT_REPORT = """
      REPORT OF INDEPENDENT ACCOUNTANTS ON FINANCIAL STATEMENT SCHEDULE

To the Board of Directors of Northfield Industries, Inc.:

     Our audits of the consolidated financial statements referred to in our
report dated February 12, 1998 also included an audit of the financial
statement schedule listed in Item 14(a)(2) of this Form 10-K, Schedule II --
Valuation and Qualifying Accounts.  In our opinion, this financial statement
schedule presents fairly, in all material respects, the information set forth
therein when read in conjunction with the related consolidated financial
statements.

                                                      Price & Partners LLP
February 12, 1998
                                                                         S-1
<PAGE>
"""

TEXT_NOTES = """
NOTE 4 -- ACCOUNTS RECEIVABLE

     The activity in the allowance for doubtful accounts was as follows (in
thousands):

<TABLE>
<CAPTION>
                                                 1997       1996       1995
                                               -------    -------    -------
<S>                                            <C>        <C>        <C>
Balance at beginning of year                   $ 1,210    $ 1,034    $   987
Provision for doubtful accounts                    412        388        301
Write-offs, net of recoveries                     (365)      (212)      (254)
                                               -------    -------    -------
Balance at end of year                         $ 1,257    $ 1,210    $ 1,034
                                               =======    =======    =======
</TABLE>

NOTE 5 -- INVENTORIES

     Changes in the reserve for obsolete inventory were (in thousands):

<TABLE>
<CAPTION>
                           Balance at     Charged to                   Balance at
                           Beginning      Costs and                      End of
                             of Year       Expenses     Write-offs        Year
                           ----------     ----------    ----------     ----------
<S>                        <C>            <C>           <C>            <C>
1997                         $   640        $   215       $   188        $   667
1996                             702            130           192            640
1995                             655            181           134            702
</TABLE>

<PAGE>
"""

OMITTED = """
     (a) 2. Financial Statement Schedules: Schedule II -- Valuation and
Qualifying Accounts has been omitted because it is not applicable or the
required information is shown in the consolidated financial statements or
the notes thereto.  All other schedules are omitted for the same reasons.

"""

OMITTED_HERE = """
     (a) 2. Financial Statement Schedules: the schedules other than Schedule II
-- Valuation and Qualifying Accounts have been omitted because they are not
applicable or the required information is shown in the notes.
"""

# Roll-forwards in the notes right after the index naming Schedule II: stock
# options (a weighted average price column that sums to nothing), and a
# restructuring reserve with the balances as dated rows, each year chained.
TEXT_ACTIVITY = """
NOTE 9 -- STOCK OPTIONS

     Stock option activity under the plans was as follows:

<TABLE>
<CAPTION>
                                                            WEIGHTED
                                                             AVERAGE
                                              SHARES     EXERCISE PRICE
                                            ---------    --------------
<S>                                         <C>          <C>
Outstanding at beginning of year              812,500        $ 14.20
Granted                                       140,000          18.75
Exercised                                     (96,250)         11.05
Canceled                                      (12,000)         16.40
                                            ---------
Outstanding at end of year                    844,250        $ 15.31
                                            =========
</TABLE>

NOTE 10 -- RESTRUCTURING

     Activity in the restructuring reserve was (in thousands):

<TABLE>
<CAPTION>
                                     Employee
                                    Severance      Facility
                                   and Benefits     Closure       Total
                                   ------------    --------     -------
<S>                                <C>             <C>          <C>
Balance at December 31, 1995          $ 2,340      $ 1,120      $ 3,460
Charges                                 1,800          650        2,450
Cash payments                          (2,910)        (880)      (3,790)
Balance at December 31, 1996            1,230          890        2,120
Charges                                   400          210          610
Cash payments                          (1,105)        (540)      (1,645)
Balance at December 31, 1997          $   525      $   560      $ 1,085
</TABLE>

<PAGE>
"""

# The index's page after spaces, no dot leaders; the notes numbered "(9)", no "NOTE".
TEXT_INDEX_SPACED = TEXT_INDEX.replace(" .....................   S-2", "                         S-2").replace(
    " ...   S-1", "      S-1")
TEXT_ACTIVITY_NUMBERED = TEXT_ACTIVITY.replace("NOTE 9 -- STOCK OPTIONS", "(9)  STOCK OPTIONS").replace(
    "NOTE 10 -- RESTRUCTURING", "(10) RESTRUCTURING")

TEXT_SCHEDULE_III = """
<PAGE>
                                 SCHEDULE III

                   REAL ESTATE AND ACCUMULATED DEPRECIATION
                              DECEMBER 31, 1997
                                (In thousands)

<TABLE>
<CAPTION>
                                      Initial Cost           Gross Amount at
                                   ------------------      December 31, 1997     Accumulated    Date
Description        Encumbrances    Land    Buildings     Land    Buildings        Depreciation  Acquired
-----------        ------------   ------   ---------    ------   ---------        ------------  --------
<S>                <C>            <C>      <C>          <C>      <C>              <C>           <C>
Office building       $ 4,200     $  800    $ 6,100     $  800    $ 6,350           $ 1,905        1989
Warehouse               1,150        310      2,240        310      2,410               723        1992
                      -------     ------    -------     ------    -------           -------
                      $ 5,350     $1,110    $ 8,340     $1,110    $ 8,760           $ 2,628
                      =======     ======    =======     ======    =======           =======
</TABLE>

(a) Reconciliation of real estate:

<TABLE>
<CAPTION>
                                                 1997       1996       1995
                                               -------    -------    -------
<S>                                            <C>        <C>        <C>
Balance at beginning of year                   $ 8,410    $ 8,120    $ 7,980
Additions during the year                          350        290        140
                                               -------    -------    -------
Balance at end of year                         $ 8,760    $ 8,410    $ 8,120
                                               =======    =======    =======
</TABLE>
"""

TEXT_SIGNATURES = """
<PAGE>
                                  SIGNATURES

     Pursuant to the requirements of Section 13 or 15(d) of the Securities
Exchange Act of 1934, the registrant has duly caused this report to be
signed on its behalf by the undersigned, thereunto duly authorized.

                                        NORTHFIELD INDUSTRIES, INC.

                                        By: /s/ Margaret A. Lund
                                            --------------------------
                                            Margaret A. Lund
                                            Chief Executive Officer
March 25, 1998

<TABLE>
<CAPTION>
       SIGNATURE                      TITLE                      DATE
       ---------                      -----                      ----
<S>                          <C>                            <C>
/s/ Margaret A. Lund         Chief Executive Officer        March 25, 1998
/s/ Daniel R. Okafor         Chief Financial Officer        March 25, 1998
</TABLE>
"""

TEXT_EXHIBIT_INDEX = """
<PAGE>
                                EXHIBIT INDEX

<TABLE>
<CAPTION>
EXHIBIT
NUMBER                         DESCRIPTION                               PAGE
-------                        -----------                               ----
<S>       <C>                                                            <C>
 3.1      Restated Certificate of Incorporation                           --
10.4      1996 Stock Incentive Plan                                       --
21        Subsidiaries of the Registrant                                  42
23        Consent of Independent Accountants                              43
27        Financial Data Schedule                                         44
</TABLE>
"""

TEXT_EX21 = """
                                                                  EXHIBIT 21

                         SUBSIDIARIES OF THE REGISTRANT

     Northfield Tool Co. (Delaware)
     Northfield Industries Ltd. (United Kingdom)
"""

TEXT_EX23 = """
                                                                  EXHIBIT 23

                      CONSENT OF INDEPENDENT ACCOUNTANTS

     We consent to the incorporation by reference in the registration
statement on Form S-8 (File No. 33-51234) of our report dated February 12,
1998, on our audits of the consolidated financial statements and financial
statement schedule (Schedule II -- Valuation and Qualifying Accounts) of
Northfield Industries, Inc., which report is included in this Form 10-K.

                                                      Price & Partners LLP
"""

TEXT_EX27 = """<TABLE> <S> <C>

<ARTICLE> 5
<LEGEND>
THIS SCHEDULE CONTAINS SUMMARY FINANCIAL INFORMATION EXTRACTED FROM THE
CONSOLIDATED BALANCE SHEET AND STATEMENT OF INCOME AND IS QUALIFIED IN ITS
ENTIRETY BY REFERENCE TO SUCH FINANCIAL STATEMENTS.
</LEGEND>
<MULTIPLIER> 1,000

<S>                             <C>
<PERIOD-TYPE>                   YEAR
<FISCAL-YEAR-END>                          DEC-31-1997
<PERIOD-END>                               DEC-31-1997
<CASH>                                           4,512
<SECURITIES>                                         0
<RECEIVABLES>                                   21,344
<ALLOWANCES>                                     1,257
<INVENTORY>                                     18,020
<CURRENT-ASSETS>                                46,115
<TOTAL-ASSETS>                                  88,410
<SALES>                                        142,377
<TOTAL-REVENUES>                               142,377
<NET-INCOME>                                     6,204
<EPS-PRIMARY>                                     1.12
<EPS-DILUTED>                                     1.10
</TABLE>
"""


# --- HTML decoys ----------------------------------------------------------------


def html_paragraphs(text: str) -> str:
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip() and p.strip() != "</PAGE>"]
    return "".join(f'<p style="margin-top:6pt"><font size="2">{p}</font></p>\n' for p in paragraphs)


def _html_page(body: str) -> str:
    return f"<html>\n<head><title>Form 10-K</title></head>\n<body>\n{body}</body>\n</html>\n"


def _html_rows(rows: list, widths: str = "") -> str:
    out = []
    for row in rows:
        cells = "".join(f'<td align="{"left" if k == 0 else "right"}"><font size="2">{c}</font></td>'
                        for k, c in enumerate(row))
        out.append(f"<tr valign=\"bottom\">{cells}</tr>\n")
    return f'<table width="100%" cellspacing="0" cellpadding="0" border="0"{widths}>\n' + "".join(out) + "</table>\n"


def _html_index() -> str:
    return ('<p align="center"><b>INDEX TO FINANCIAL STATEMENT SCHEDULES</b></p>\n'
            + _html_rows([["", "Page"],
                          ["Report of Independent Accountants on Financial Statement Schedule", "S-1"],
                          ["Schedule II &#151; Valuation and Qualifying Accounts", "S-2"]])
            + html_paragraphs("All other schedules are omitted because they are not applicable or the required "
                               "information is shown in the financial statements or notes thereto."))


def _html_contents() -> str:
    """A table of contents of links, each page a bare number in the next cell
    (filing software's), the notes soon after it."""
    rows = [["<b>Table of Contents</b>", "Page"],
            ['<a href="#item15">Item 15. Exhibits and Financial Statement Schedules</a>', "38"],
            ['<a href="#sched2">Schedule II &#8212; Valuation and Qualifying Accounts</a>', "41"],
            ['<a href="#signatures">Signatures</a>', "42"]]
    return _html_rows(rows) + '<hr style="page-break-after:always">\n'


REPORT = """REPORT OF INDEPENDENT ACCOUNTANTS ON FINANCIAL STATEMENT SCHEDULE

Our audits of the consolidated financial statements referred to in our report
dated February 12, 2003 also included an audit of the financial statement
schedule listed in Item 15(a)(2) of this Form 10-K, Schedule II - Valuation
and Qualifying Accounts.  In our opinion, this financial statement schedule
presents fairly, in all material respects, the information set forth therein.
"""


def _html_notes() -> str:
    return (html_paragraphs("Note 4 - Accounts Receivable\n\nThe activity in the allowance for doubtful accounts "
                             "was as follows (in thousands):")
            + _html_rows([["", "2003", "2002", "2001"],
                          ["Balance at beginning of year", "$1,210", "$1,034", "$987"],
                          ["Provision for doubtful accounts", "412", "388", "301"],
                          ["Write-offs, net of recoveries", "(365)", "(212)", "(254)"],
                          ["Balance at end of year", "$1,257", "$1,210", "$1,034"]])
            + html_paragraphs("Note 5 - Inventories\n\nChanges in the reserve for obsolete inventory were "
                               "(in thousands):")
            + _html_rows([["", "Balance at Beginning of Year", "Charged to Costs and Expenses", "Write-offs",
                           "Balance at End of Year"],
                          ["2003", "$640", "$215", "$188", "$667"],
                          ["2002", "702", "130", "192", "640"],
                          ["2001", "655", "181", "134", "702"]]))


# The allowance note's roll-forward, each figure tagged (in an .htm without
# an ix:resources, no context: no fact) with Schedule II's concepts: the
# balances instants, the movements durations, the allowance a member of the
# reserve axis.
TAGGED_NOTE_YEARS = (2003, 2002, 2001)
TAGGED_NOTE_ROWS = (("Balance at beginning of year", "ValuationAllowancesAndReservesBalance", "i0", ("1,210", "1,034", "987")),
                    ("Provision for doubtful accounts", "ValuationAllowancesAndReservesChargedToCostAndExpense", "d",
                     ("412", "388", "301")),
                    ("Write-offs, net of recoveries", "ValuationAllowancesAndReservesDeductions", "d", ("365", "212", "254")),
                    ("Balance at end of year", "ValuationAllowancesAndReservesBalance", "i1", ("1,257", "1,210", "1,034")))
_AXIS = ('<xbrli:segment><xbrldi:explicitMember dimension="us-gaap:ValuationAllowancesAndReservesTypeAxis">'
         'us-gaap:AllowanceForCreditLossMember</xbrldi:explicitMember></xbrli:segment>')


def _tagged_context(kind: str, year: int) -> str:
    period = (f"<xbrli:startDate>{year}-01-01</xbrli:startDate><xbrli:endDate>{year}-12-31</xbrli:endDate>"
              if kind == "d" else f"<xbrli:instant>{year - 1 if kind == 'i0' else year}-12-31</xbrli:instant>")
    return (f'<xbrli:context id="na_{kind}_{year}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">'
            f'0000000000</xbrli:identifier>{_AXIS}</xbrli:entity><xbrli:period>{period}</xbrli:period></xbrli:context>')


TAGGED_NOTE_CONTEXTS = "".join(_tagged_context(k, y) for k in ("i0", "i1", "d") for y in TAGGED_NOTE_YEARS)


def _html_tagged_note() -> str:
    def fact(concept: str, kind: str, year: int, shown: str) -> str:
        ref = f"na_{kind}_{year}"
        return (f'<ix:nonFraction name="us-gaap:{concept}" contextRef="{ref}" unitRef="usd" decimals="-3" '
                f'scale="3" format="ixt:num-dot-decimal">{shown}</ix:nonFraction>')
    rows = [["", *(str(y) for y in TAGGED_NOTE_YEARS)]]
    for label, concept, kind, shown in TAGGED_NOTE_ROWS:
        cells = [fact(concept, kind, y, v) for y, v in zip(TAGGED_NOTE_YEARS, shown)]
        if kind != "d":
            cells = ["$" + c for c in cells]
        if concept.endswith("Deductions"):
            cells = [f"({c})" for c in cells]
        rows.append([label, *cells])
    return (html_paragraphs("Note 4 - Accounts Receivable\n\nThe activity in the allowance for doubtful accounts "
                             "was as follows (in thousands):") + _html_rows(rows))


# An HTML 10-K's Item 15 (as Medicis's 1999 one): the schedule's index line a
# paragraph of its own, its page after it.
INDEX_PARAGRAPH = """Item 15(a)(2). Financial Statement Schedules

Schedule II &#151; Valuation and Qualifying Accounts&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;S-2

The financial statement schedule should be read in conjunction with the consolidated financial statements.
"""


def html_activity(note: str = "Note {n} - ") -> str:
    """Notes rolling stock options (a weighted average price that sums to nothing)
    and a restructuring reserve (dated balances, each year chained) forward; each
    under its heading, "Note 9 - Stock Options" (`note`: how the number is printed)."""
    return (html_paragraphs(note.format(n=9) + "Stock Options\n\nStock option activity under the plans was as follows:")
            + _html_rows([["", "Shares", "Weighted Average Exercise Price"],
                          ["Outstanding at beginning of year", "812,500", "$14.20"],
                          ["Granted", "140,000", "18.75"],
                          ["Exercised", "(96,250)", "11.05"],
                          ["Canceled", "(12,000)", "16.40"],
                          ["Outstanding at end of year", "844,250", "$15.31"]])
            + html_paragraphs(note.format(n=10) + "Restructuring\n\nActivity in the restructuring reserve was (in thousands):")
            + _html_rows([["", "Employee Severance and Benefits", "Facility Closure", "Total"],
                          ["Balance at December 31, 2001", "$2,340", "$1,120", "$3,460"],
                          ["Charges", "1,800", "650", "2,450"],
                          ["Cash payments", "(2,910)", "(880)", "(3,790)"],
                          ["Balance at December 31, 2002", "1,230", "890", "2,120"],
                          ["Charges", "400", "210", "610"],
                          ["Cash payments", "(1,105)", "(540)", "(1,645)"],
                          ["Balance at December 31, 2003", "$525", "$560", "$1,085"]]))


def _html_schedule_iii() -> str:
    return ('<hr noshade>\n<p align="center"><b>SCHEDULE III<br>REAL ESTATE AND ACCUMULATED DEPRECIATION</b></p>\n'
            '<p align="center">(In thousands)</p>\n'
            + _html_rows([["Description", "Encumbrances", "Land", "Buildings", "Accumulated Depreciation",
                           "Date Acquired"],
                          ["Office building", "$4,200", "$800", "$6,100", "$1,905", "1989"],
                          ["Warehouse", "1,150", "310", "2,240", "723", "1992"],
                          ["", "$5,350", "$1,110", "$8,340", "$2,628", ""]]))


def _html_signatures() -> str:
    return ('<hr noshade>\n<p align="center"><b>SIGNATURES</b></p>\n'
            + html_paragraphs("Pursuant to the requirements of Section 13 or 15(d) of the Securities Exchange "
                               "Act of 1934, the registrant has duly caused this report to be signed on its "
                               "behalf by the undersigned, thereunto duly authorized.")
            + _html_rows([["Signature", "Title", "Date"],
                          ["/s/ Margaret A. Lund", "Chief Executive Officer", "March 25, 2003"],
                          ["/s/ Daniel R. Okafor", "Chief Financial Officer", "March 25, 2003"]]))


def _html_exhibit_index() -> str:
    return ('<p align="center"><b>EXHIBIT INDEX</b></p>\n'
            + _html_rows([["Exhibit Number", "Description"],
                          ["3.1", "Restated Certificate of Incorporation"],
                          ["21", "Subsidiaries of the Registrant"],
                          ["23", "Consent of Independent Accountants"],
                          ["31.1", "Certification of the Chief Executive Officer"]]))
