"""Whole EDGAR submissions that mix HTML and text documents, as filings of
2001-2010 often did: each document's <TEXT> is read by the front end its own
content calls for (HTML where it holds HTML table markup, else text), and
every schedule of every document is checked, at the file's own lines and
columns.

The fixtures (tests/fixtures/submissions/) are written the way real
submissions look; the findings expected here come from the arithmetic written
into them (stated beside each test), their places from searching the
fixture's text for the printed figure, never from the tool's output.
"""

import re
from decimal import Decimal

import pytest

import auditor
from auditor.frontends.text import locate
from auditor import pipeline, source
from conftest import FIXTURES, run, run_json

SUBMISSIONS = FIXTURES / "submissions"
# An HTML 10-K (clean Schedule II) and a text EX-99.1: the Rule 3-09 statements
# of a joint venture, with a Schedule II of their own that holds an error.
HARBORVIEW = SUBMISSIONS / "harborview-electronics-2004-html-10k-text-ex99.txt"
# A text 10-K405 body of more than 3,000 lines, then the schedule as an HTML EX-99.1.
CARDINAL = SUBMISSIONS / "cardinal-freight-2001-text-10k-html-ex99.txt"
# An HTML 10-K with no schedule (an allowance roll-forward in its notes), the schedule as a text EX-99.2.
PRAIRIE = SUBMISSIONS / "prairie-creamery-2005-html-10k-no-schedule-text-ex99.txt"


def text_of(path) -> str:
    return path.read_text()


def document(text: str, kind: str) -> tuple:
    """Lines (first, last) inside the <TEXT> of the document of <TYPE> `kind`."""
    lines = text.split("\n")
    start = lines.index(f"<TYPE>{kind}")
    opening = lines.index("<TEXT>", start)
    return opening + 2, lines.index("</TEXT>", opening)


def cell(text: str, kind: str, needle: str, figure: str) -> tuple:
    """(line, column) of `figure` on the first line of document `kind` holding `needle`."""
    first, end = document(text, kind)
    lines = text.split("\n")
    for n in range(first, end + 1):
        line = lines[n - 1]
        if needle in line:
            return n, line.index(figure) + 1
    raise AssertionError(f"{needle!r} not in {kind}")


def check(text: str, name: str = "submission.txt", **kw):
    return auditor.check_source(source.from_text(text, name), **kw)


def errors(result) -> list:
    """The findings, every one an error (no rounding info, no warning besides)."""
    assert all(f.severity == "error" for f in result.findings), result.findings
    return sorted((f.check, f.location.line, f.location.column, f.actual, f.expected) for f in result.findings)


def inside(line: int, span: tuple) -> bool:
    return span[0] <= line <= span[1]


# --- (1) HTML 10-K with a clean schedule, text EX-99.1 with an error ------------

# EX-99.1, year 2004: the allowance deducts 241 where 214 closes the row:
# 476 + 231 - 241 = 466, printed 493 (row identity, at the row's ending cell);
# the deductions column totals 602 (the ledger's 214 + 388), but 241 + 388 = 629
# (column total, at the total's deductions cell).  The 10-K's own schedule
# closes: every row, every column, every carry-forward.
def harborview_errors(text: str) -> list:
    row = cell(text, "EX-99.1", "Allowance for doubtful accounts         $      476", "493")
    total = cell(text, "EX-99.1", "$    1,491   $      707", "602")
    return sorted([("row_identity", *row, Decimal(493), Decimal(466)),
                   ("column_total", *total, Decimal(602), Decimal(629))])


def test_html_10k_and_text_exhibit_are_both_read_and_checked():
    text = text_of(HARBORVIEW)
    result = auditor.check_file(str(HARBORVIEW))
    assert result.error is None, str(result.error)
    ten_k, ex99 = document(text, "10-K"), document(text, "EX-99.1")
    html, plain = result.schedules
    assert inside(html.line, ten_k) and inside(plain.line, ex99)  # both, in file order
    assert [p.fiscal_year for p in html.periods] == [2004, 2003, 2002]  # the 10-K's, newest first
    assert [p.fiscal_year for p in plain.periods] == [2002, 2003, 2004]  # the joint venture's
    # The HTML schedule is read from its cells: the 2004 total's ending, 4,727.
    total_2004 = html.periods[0].rows[-1]
    assert total_2004.cells[-1].value == Decimal(4727)
    assert (total_2004.cells[-1].line, total_2004.cells[-1].column) == cell(text, "10-K", ">4,727<", "4,727")
    assert errors(result) == harborview_errors(text)
    assert [f for f in result.findings if inside(f.location.line, ten_k)] == []


def test_a_forced_front_end_still_reads_the_whole_file_one_way():
    text = text_of(HARBORVIEW)
    as_html = auditor.check_file(str(HARBORVIEW), input_format="html")
    assert [s.line for s in as_html.schedules] == [auditor.check_file(str(HARBORVIEW)).schedules[0].line]
    assert as_html.findings == []
    as_text = auditor.check_file(str(HARBORVIEW), input_format="text")
    (schedule,) = as_text.schedules
    assert inside(schedule.line, document(text, "EX-99.1"))
    assert errors(as_text) == harborview_errors(text)


def test_the_cli_reports_the_text_exhibits_error_at_its_place_in_the_submission():
    text = text_of(HARBORVIEW)
    proc, doc = run_json(HARBORVIEW)
    assert proc.returncode == 1
    (report,) = doc["files"]
    assert report["error"] is None and len(report["schedules"]) == 2
    got = sorted((f["check"], f["location"]["line"], f["location"]["column"]) for f in report["findings"])
    assert got == [e[:3] for e in harborview_errors(text)]
    line, column = cell(text, "EX-99.1", "Allowance for doubtful accounts         $      476", "493")
    assert f"{HARBORVIEW}:{line}:{column}: error VQ001" in run("check", "--no-show-table", HARBORVIEW).stdout


def tabbed(text: str) -> str:
    """Runs of spaces typed as tabs where they reach an 8-column tab stop (the
    layout is the same once tabs are expanded), as many filers typed."""
    out = []
    for line in text.split("\n"):
        chunks = [line[i : i + 8] for i in range(0, len(line), 8)]
        out.append("".join(c.rstrip(" ") + "\t" if len(c) == 8 and c.endswith("  ") else c for c in chunks))
    return "\n".join(out)


def test_columns_map_back_through_tabs_in_a_text_exhibit_of_a_mixed_submission():
    text = text_of(HARBORVIEW)
    first, last = document(text, "EX-99.1")
    lines = text.split("\n")
    exhibit = "\n".join(lines[first - 1 : last])
    typed = "\n".join(lines[: first - 1]) + "\n" + tabbed(exhibit) + "\n" + "\n".join(lines[last:])
    assert typed.count("\t") > text.count("\t") + 100 and len(typed.split("\n")) == len(lines)
    result = check(typed)
    assert result.error is None and len(result.schedules) == 2
    # The same errors, at the columns of the file as typed (tabs count one).
    raw = typed.split("\n")
    row, total = sorted(errors(result))[::-1]  # row_identity, column_total
    assert raw[row[1] - 1][row[2] - 1 :].startswith("493")
    assert raw[total[1] - 1][total[2] - 1 :].startswith("602")
    assert [e[1] for e in errors(result)] == [e[1] for e in harborview_errors(text)]
    assert row[2] < harborview_errors(text)[1][2]  # tabs: fewer characters before the figure


# --- (2) text 10-K body first, the schedule only in a later HTML document -------

# EX-99.1, 2001: the Total charged to costs and expenses prints 3,416, but
# 1,904 + 1,412 = 3,316 (column total, at that cell), and the Total row then
# gives 3,282 + 3,416 - 2,822 = 3,876 against 3,776 printed (row identity, at
# the Total's ending cell).  Every other row and column closes.
def test_an_html_exhibit_after_a_long_text_10k_is_found_and_checked():
    text = text_of(CARDINAL)
    src = source.read(str(CARDINAL))
    ex99 = document(text, "EX-99.1")
    assert ex99[0] > 3000 and pipeline._sniffed(src) == "text"  # what once sent it all to the text front end
    result = auditor.check_source(src)
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    assert inside(schedule.line, ex99)
    assert [p.fiscal_year for p in schedule.periods] == [1999, 2000, 2001]
    assert [r.label for r in schedule.periods[0].rows] == [
        "Allowance for doubtful accounts", "Reserve for cargo loss and damage claims", "Total"]
    assert errors(result) == sorted([
        ("column_total", *cell(text, "EX-99.1", ">3,416<", "3,416"), Decimal(3416), Decimal(3316)),
        ("row_identity", *cell(text, "EX-99.1", ">3,776<", "3,776"), Decimal(3776), Decimal(3876)),
    ])


# --- (3) the only HTML document has no schedule; the text exhibit has one -------

# EX-99.2, 2004: the inventory reserve ends at 2,026 + 688 - 531 = 2,183, printed
# 2,813 (row identity, at that cell); the ending column totals 2,530 = 347 +
# 2,183, not 347 + 2,813 = 3,160 (column total, at the total's ending); 2005
# opens at 2,183, not the 2,813 printed before it (carry-forward, at 2005's
# beginning).  The 10-K's allowance roll-forward ("Balance at beginning of
# year") is a note, not a schedule.
def test_a_text_exhibit_beside_an_html_10k_without_a_schedule():
    text = text_of(PRAIRIE)
    result = auditor.check_file(str(PRAIRIE))
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    assert inside(schedule.line, document(text, "EX-99.2"))
    assert [p.fiscal_year for p in schedule.periods] == [2003, 2004, 2005]
    assert errors(result) == sorted([
        ("row_identity", *cell(text, "EX-99.2", "Inventory reserve                   2,026", "2,813"),
         Decimal(2813), Decimal(2183)),
        ("column_total", *cell(text, "EX-99.2", "$    2,359  $      853", "2,530"), Decimal(2530), Decimal(3160)),
        ("carry_forward", *cell(text, "EX-99.2", "Inventory reserve                   2,183", "2,183"),
         Decimal(2183), Decimal(2813)),
    ])


def test_a_text_exhibit_in_html_without_tables_is_read_as_text():
    """Some filers wrapped a text exhibit in <HTML><PRE>: no table markup, so text."""
    text = text_of(PRAIRIE)
    first, last = document(text, "EX-99.2")
    lines = text.split("\n")
    wrapped = (lines[: first - 1] + ["<HTML><BODY><PRE>"] + lines[first - 1 : last] + ["</PRE></BODY></HTML>"]
               + lines[last:])
    src = source.from_text("\n".join(wrapped), "pre.txt")
    assert [span[0] for span in locate.html_documents(src)] == [document(text, "10-K")[0]]
    result = auditor.check_source(src)
    assert result.error is None and len(result.schedules) == 1
    assert [f.location.line for f in result.findings] == sorted(f.location.line + 1 for f in check(text).findings)


def test_a_text_schedule_in_an_html_document_with_other_tables_is_read_as_text():
    """An HTML exhibit with a table of its own (a cover table) and the schedule
    in a <PRE>: its HTML tables hold no schedule, so the text front end reads it,
    as it would read a single HTML file of that kind."""
    text = text_of(PRAIRIE)
    first, last = document(text, "EX-99.2")
    lines = text.split("\n")
    cover = "<HTML><BODY><TABLE><TR><TD>Exhibit 99.2</TD><TD>Prairie Creamery</TD></TR></TABLE><PRE>"
    wrapped = lines[: first - 1] + [cover] + lines[first - 1 : last] + ["</PRE></BODY></HTML>"] + lines[last:]
    src = source.from_text("\n".join(wrapped), "pre.txt")
    assert len(locate.html_documents(src)) == 2  # the 10-K and, for its <TR>/<TD>, the EX-99.2
    result = auditor.check_source(src)
    assert result.error is None and len(result.schedules) == 1
    assert [f.location.line for f in result.findings] == sorted(f.location.line + 1 for f in check(text).findings)


# --- which documents are HTML ---------------------------------------------------


def test_html_documents_are_those_holding_html_table_markup():
    text = text_of(HARBORVIEW)
    # The 10-K holds <TR>/<TD>; EX-31.1 is <HTML> with paragraphs only, EX-99.1
    # and EX-23.1 are text (their <TABLE> is EDGAR's SGML, with <S>/<C>).
    assert locate.html_documents(source.from_text(text)) == [document(text, "10-K")]
    cardinal = text_of(CARDINAL)
    assert locate.html_documents(source.from_text(cardinal)) == [document(cardinal, "EX-99.1")]


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "html").glob("*.htm")),
                         ids=lambda p: p.name)
def test_a_single_exhibit_or_a_text_only_submission_takes_the_path_it_took(path):
    assert locate.html_documents(source.read(str(path))) == []


# --- documents in any order; bad input stays an error ----------------------------


def reordered(text: str, *kinds: str) -> str:
    """The submission with its documents in the order of their <TYPE>s."""
    head, rest = text.split("<DOCUMENT>\n", 1)
    parts = ("<DOCUMENT>\n" + rest).split("</DOCUMENT>\n")[:-1]  # the last is </SEC-DOCUMENT>
    documents = {re.search(r"<TYPE>(\S+)", d).group(1): d for d in parts}
    return head + "".join(documents[k] + "</DOCUMENT>\n" for k in kinds) + "</SEC-DOCUMENT>\n"


def test_schedules_come_in_file_order_whichever_front_end_reads_them():
    text = reordered(text_of(HARBORVIEW), "EX-99.1", "EX-23.1", "10-K", "EX-31.1")
    result = check(text)
    assert result.error is None
    plain, html = result.schedules
    assert inside(plain.line, document(text, "EX-99.1")) and inside(html.line, document(text, "10-K"))
    assert errors(result) == harborview_errors(text)


def cut_off(text: str) -> str:
    """The EX-99.1 schedule's </TABLE> lost: the table runs into the document's end."""
    end = "==========\n</TABLE>\n\n                                      F-9"
    assert text.count(end) == 1
    return text.replace(end, "==========\n\n                                      F-9")


def test_an_unreadable_text_table_makes_the_file_an_error_at_its_line():
    cut = cut_off(text_of(HARBORVIEW))
    result = check(cut)
    assert result.schedules == [] and result.findings == []  # never half a file
    assert result.error.line == document(cut, "EX-99.1")[1] + 1  # cut off by the </TEXT>
    assert "cut off" in result.error.message


def broken_html(text: str) -> str:
    """The 10-K's schedule with a figure where no column is: a cell added to the
    2004 allowance row, past the ending column."""
    row_end = '<TD ALIGN="RIGHT"><FONT SIZE="2" FACE="Times New Roman">1,341</FONT></TD><TD>&nbsp;</TD>\n</TR>'
    assert text.count(row_end) == 1
    return text.replace(row_end, row_end[: -len("\n</TR>")]
                        + '<TD>&nbsp;</TD><TD>&nbsp;</TD><TD ALIGN="RIGHT"><FONT SIZE="2">1,341</FONT></TD>\n</TR>')


def test_an_unreadable_html_table_makes_the_file_an_error_at_its_line():
    text = broken_html(text_of(HARBORVIEW))
    result = check(text)
    assert result.schedules == [] and result.findings == []
    assert inside(result.error.line, document(text, "10-K"))
    assert "Schedule II table at line" in result.error.message


def test_of_two_unreadable_documents_the_first_in_the_file_is_reported():
    text = cut_off(broken_html(text_of(HARBORVIEW)))
    html_first = check(text).error
    assert inside(html_first.line, document(text, "10-K"))
    text_first = check(reordered(text, "EX-99.1", "EX-23.1", "10-K", "EX-31.1")).error
    assert "cut off" in text_first.message and text_first.line < html_first.line


def test_the_text_locate_passes_over_skipped_lines_and_html_sees_only_its_own():
    text = text_of(HARBORVIEW)
    src = source.from_text(tabbed(text), "h.txt")
    ex99, ten_k = document(text, "EX-99.1"), document(text, "10-K")
    (region,) = locate.regions(src)  # the text schedule; the 10-K's HTML is no text table
    assert inside(region.title_line, ex99)
    assert locate.regions(src, skip=[ex99]) == []
    view = src.only([ten_k])
    assert len(view.lines) == len(src.lines)
    assert view.lines[ten_k[0] - 1 : ten_k[1]] == src.lines[ten_k[0] - 1 : ten_k[1]]
    assert not any(view.lines[: ten_k[0] - 1]) and not any(view.lines[ten_k[1] :])
    tabbed_line = next(n for n in range(ex99[0], ex99[1]) if "\t" in tabbed(text).split("\n")[n - 1])
    assert view.original_column(tabbed_line, 20) == src.original_column(tabbed_line, 20) != 20


def test_each_front_end_is_given_only_its_own_documents(monkeypatch):
    import auditor.frontends.html as html_front
    import auditor.frontends.text as text_front

    text = text_of(HARBORVIEW)
    ten_k, ex99 = document(text, "10-K"), document(text, "EX-99.1")
    seen = {}
    read_html, read_text = html_front.tables, text_front.tables

    def html_spy(src, vocabulary, read):
        seen["html"] = src
        return read_html(src, vocabulary, read)

    def text_spy(src, vocabulary, read):
        seen["text"] = src
        return read_text(src, vocabulary, read)

    monkeypatch.setattr(html_front, "tables", html_spy)
    monkeypatch.setattr(text_front, "tables", text_spy)
    result = check(text)
    assert len(result.schedules) == 2
    lines = seen["html"].lines  # the HTML front end sees the 10-K alone, at its own lines
    assert not any(lines[ex99[0] - 1 : ex99[1]])
    assert lines[ten_k[0] - 1 : ten_k[1]] == text.split("\n")[ten_k[0] - 1 : ten_k[1]]
    lines = seen["text"].lines  # the text front end passes over the HTML 10-K, read as HTML
    assert not any(lines[ten_k[0] - 1 : ten_k[1]])
    assert lines[ex99[0] - 1 : ex99[1]] == text.split("\n")[ex99[0] - 1 : ex99[1]]
