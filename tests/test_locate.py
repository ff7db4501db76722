"""Where the schedule sits: a bare exhibit, one document of a full EDGAR
submission, the 10-K body between other tables, several in one file, or
none at all (an index line that only mentions it is not a schedule)."""

from decimal import Decimal

import pytest

import auditor
from auditor.frontends.text import line_kinds, locate, parse
from auditor import source
from conftest import SEED, run, run_json

SEED_TEXT = SEED.read_text()
# The seed's own error, independent of the tool: the 2003 Total row prints
# 9,762 at line 42 of the exhibit; 7,701 + 4,594 - 102 - 2,369 = 9,824.
SEED_ERROR_LINE = 42
SEED_ERROR_COLUMN = SEED_TEXT.splitlines()[41].index("9,762") + 1

HEADER = """\
<SEC-DOCUMENT>0000912057-03-000123.txt : 20030926
<SEC-HEADER>0000912057-03-000123.hdr.sgml : 20030926
ACCESSION NUMBER:\t\t0000912057-03-000123
CONFORMED SUBMISSION TYPE:\t10-K
PUBLIC DOCUMENT COUNT:\t\t4
CONFORMED PERIOD OF REPORT:\t20030630
FILER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tLANTRONIX INC
\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tCOMPUTER COMMUNICATIONS EQUIPMENT [3576]
</SEC-HEADER>
"""

TEN_K_INDEX = """\
<DOCUMENT>
<TYPE>10-K
<SEQUENCE>1
<FILENAME>a2118563z10-k.txt
<TEXT>
                        ITEM 15. EXHIBITS, FINANCIAL STATEMENT SCHEDULES

(a)(2) Financial Statement Schedule

     Schedule II -- Valuation and Qualifying Accounts ................ S-2

     All other schedules are omitted because they are not required or the
required information is shown in the financial statements or notes.

                      SELECTED CONSOLIDATED FINANCIAL DATA
                     (In thousands, except per share data)
<TABLE>
<CAPTION>
                                          2003        2002        2001
                                       ---------   ---------   ---------
<S>                                    <C>         <C>         <C>
Net revenues                           $  49,415   $  55,491   $  49,290
Gross profit                              21,108      13,980      18,255
Net loss                                 (10,964)    (87,061)    (88,154)
</TABLE>
"""

BALANCE_SHEET_NOTE = """\
NOTE 4. ACCOUNTS RECEIVABLE

Accounts receivable consisted of the following (in thousands):
<TABLE>
<CAPTION>
                                                     June 30,
                                               --------------------
                                                 2003        2002
                                               --------    --------
<S>                                            <C>         <C>
Trade receivables                              $  7,530    $  9,617
Less allowance for doubtful accounts               (634)     (1,466)
                                               --------    --------
                                               $  6,896    $  8,151
                                               ========    ========
</TABLE>
"""

EX27 = """\
<DOCUMENT>
<TYPE>EX-27
<SEQUENCE>3
<TEXT>
<TABLE> <S> <C>
<ARTICLE> 5
<MULTIPLIER> 1,000
<CASH>                                          12,046
<ALLOWANCES>                                       634
<TOTAL-ASSETS>                                  81,409
</TABLE>
</TEXT>
</DOCUMENT>
"""


def exhibit_document(body: str, sequence: int = 2) -> str:
    return f"<DOCUMENT>\n<TYPE>EX-99.S-2\n<SEQUENCE>{sequence}\n<TEXT>\n{body}</TEXT>\n</DOCUMENT>\n"


def submission(*documents: str) -> str:
    return HEADER + "".join(documents) + "</SEC-DOCUMENT>\n"


def line_of(text: str, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after `start` containing needle."""
    for n, line in enumerate(text.splitlines(), start=1):
        if n >= start and needle in line:
            return n
    raise AssertionError(needle)


def errors_at(result) -> list:
    return sorted((f.check, f.location.line, f.location.column) for f in result.findings if f.severity == "error")


def test_bare_exhibit_is_found_at_its_title():
    (region,) = locate.regions(source.from_text(SEED_TEXT, "seed.txt"))
    assert region.title_line == line_of(SEED_TEXT, "VALUATION AND QUALIFYING")
    assert region.last == line_of(SEED_TEXT, "</TABLE>")


def test_schedule_inside_a_full_submission(tmp_path):
    text = submission(TEN_K_INDEX + BALANCE_SHEET_NOTE + "</TEXT>\n</DOCUMENT>\n", exhibit_document(SEED_TEXT), EX27)
    path = tmp_path / "0000912057-03-000123.txt"
    path.write_text(text)
    offset = line_of(text, "<TYPE>EX-99.S-2") + 3  # the exhibit's first line follows <SEQUENCE>, <TEXT>
    result = auditor.check_file(str(path))
    assert result.error is None
    (schedule,) = result.schedules
    assert schedule.line == line_of(text, "CONSOLIDATED VALUATION AND QUALIFYING")
    at = offset + SEED_ERROR_LINE - 1
    assert text.splitlines()[at - 1].strip().startswith("Total")
    assert errors_at(result) == [("column_total", at, SEED_ERROR_COLUMN), ("row_identity", at, SEED_ERROR_COLUMN)]
    proc, doc = run_json(path)
    assert proc.returncode == 1
    assert [s["line"] for s in doc["files"][0]["schedules"]] == [schedule.line]


def test_schedule_in_the_10k_body_between_other_tables():
    body = TEN_K_INDEX + BALANCE_SHEET_NOTE + "\n" + SEED_TEXT + "\n" + BALANCE_SHEET_NOTE + "</TEXT>\n</DOCUMENT>\n"
    text = submission(body, EX27)
    result = auditor.check_source(source.from_text(text, "10k.txt"))
    assert result.error is None
    (schedule,) = result.schedules
    assert [p.label for p in schedule.periods] == [f"Year ended June 30, {y}" for y in (2001, 2002, 2003)]
    total_2003 = line_of(text, "Total                                      $    7,701")
    assert errors_at(result) == [("column_total", total_2003, SEED_ERROR_COLUMN),
                                 ("row_identity", total_2003, SEED_ERROR_COLUMN)]


def test_an_index_line_is_not_a_schedule(tmp_path):
    path = tmp_path / "10k-without-schedule.txt"
    path.write_text(submission(TEN_K_INDEX + BALANCE_SHEET_NOTE + "</TEXT>\n</DOCUMENT>\n", EX27))
    proc = run("check", path)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "no Schedule II found" in proc.stderr and str(path) in proc.stderr
    assert "0 findings" not in proc.stdout.splitlines()[0]  # the file's line says why, not "no findings"


def test_a_mention_in_an_index_table_is_not_a_schedule():
    index = """\
                       INDEX TO FINANCIAL STATEMENT SCHEDULE
<TABLE>
<S>                                                                   <C>
Report of Independent Auditors on Schedule ........................   S-1
Schedule II -- Valuation and Qualifying Accounts ...................   S-2
</TABLE>
"""
    text = index + "\n" * 5 + BALANCE_SHEET_NOTE
    assert locate.regions(source.from_text(text)) == []


def test_several_schedules_each_checked_and_placed(tmp_path):
    fixed = SEED_TEXT.replace("$ 9,762", "$ 9,824")
    text = submission(exhibit_document(SEED_TEXT, 2), exhibit_document(fixed, 3), exhibit_document(SEED_TEXT, 4))
    path = tmp_path / "three.txt"
    path.write_text(text)
    titles = [n for n, ln in enumerate(text.splitlines(), 1) if "CONSOLIDATED VALUATION" in ln]
    assert len(titles) == 3
    result = auditor.check_file(str(path))
    assert [s.line for s in result.schedules] == titles
    # The error is in the first and third copies only.
    first = titles[0] - 8 + SEED_ERROR_LINE  # the seed's title is its line 8
    third = titles[2] - 8 + SEED_ERROR_LINE
    assert errors_at(result) == sorted([
        ("column_total", first, SEED_ERROR_COLUMN), ("row_identity", first, SEED_ERROR_COLUMN),
        ("column_total", third, SEED_ERROR_COLUMN), ("row_identity", third, SEED_ERROR_COLUMN),
    ])
    proc, doc = run_json(path)
    assert [s["line"] for s in doc["files"][0]["schedules"]] == titles


def test_none_among_several_files_is_reported_for_that_file(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear shareholders,\n\nFiscal 2003 was a year of change.\n")
    proc, doc = run_json(SEED, letter)
    assert proc.returncode == 2
    seed_file, letter_file = doc["files"]
    assert seed_file["error"] is None and len(seed_file["findings"]) == 2
    assert "no Schedule II found" in letter_file["error"]["message"] and letter_file["findings"] == []


def _filler(size: int) -> str:
    """A 10-K body of narrative and tables, none of them a schedule."""
    block = (TEN_K_INDEX.split("<TEXT>\n")[1].replace("Schedule II -- Valuation and Qualifying Accounts", "Report")
             + BALANCE_SHEET_NOTE + "Narrative text of the annual report, discussing results of operations.\n" * 20)
    return block * (size // len(block) + 1)


def big_submission() -> str:
    return submission(
        "<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n" + _filler(5_000_000) + "</TEXT>\n</DOCUMENT>\n",
        exhibit_document(SEED_TEXT),
        EX27 * 2 + "<DOCUMENT>\n<TYPE>EX-13\n<TEXT>\n" + _filler(5_000_000) + "</TEXT>\n</DOCUMENT>\n",
    )


def test_the_grammar_sees_only_the_schedule_in_a_10mb_submission(monkeypatch):
    text = big_submission()
    assert len(text) > 10_000_000
    seen = []
    lark = parse._parser()

    class Spy:
        def parse(self, region_text):  # the file's text from the region's first line on (a lark TextSlice)
            seen.append(region_text.text[region_text.start : region_text.end])
            return lark.parse(region_text)

    monkeypatch.setattr(parse, "_parser", lambda: Spy())
    src = source.from_text(text, "big.txt")
    result = auditor.check_source(src)
    assert result.error is None and len(result.schedules) == 1
    title = line_of(text, "CONSOLIDATED VALUATION AND QUALIFYING")
    close = line_of(text, "</TABLE>", title)
    # One region, from the title to the table's end: 35 of the file's lines.
    assert [chunk.count("\n") for chunk in seen] == [close - title + 1]
    assert seen[0].splitlines()[0].strip() == "CONSOLIDATED VALUATION AND QUALIFYING ACCOUNTS"
    assert len(src.lines) > 150_000


def test_an_unclosed_table_stops_at_its_document_edge():
    cut = SEED_TEXT.split("Year ended June 30, 2003:")[0]
    text = submission(exhibit_document(cut), EX27)
    with pytest.raises(auditor.InputError) as caught:
        locate.regions(source.from_text(text, "cut.txt"))
    assert caught.value.line == line_of(text, "</TEXT>")
    assert "expected </TABLE>" in caught.value.message
    assert f"opened at line {line_of(text, '<TABLE>')}" in caught.value.message


def test_title_as_the_tables_caption():
    text = SEED_TEXT.replace(
        "                 CONSOLIDATED VALUATION AND QUALIFYING ACCOUNTS\n                                 (IN THOUSANDS)\n\n<TABLE>\n<CAPTION>\n",
        "<TABLE>\n<CAPTION>\n                 CONSOLIDATED VALUATION AND QUALIFYING ACCOUNTS\n                                 (IN THOUSANDS)\n",
    )
    text = text.replace("SCHEDULE II\n", "\n")
    assert text.count("VALUATION AND QUALIFYING") == 1 and "SCHEDULE II" not in text
    (region,) = locate.regions(source.from_text(text))
    assert region.first == line_of(text, "<TABLE>") and region.title_line == region.first + 2
    result = auditor.check_source(source.from_text(text))
    assert [f.actual for f in result.findings if f.severity == "error"] == [Decimal("9762")] * 2


@pytest.mark.parametrize("line, figures", [
    ("                       BALANCE      (1)      (2) CHARGED", False),  # a deep heading stack's top line
    ("                         (1)          (2)", False),
    ("Reserve for returns        (1)          (2)", True),  # a row of small negatives
    ("Reserve for returns        (1)          (2)   Net 3", True),
])
def test_heading_words_before_footnote_markers_are_no_row(line, figures):
    assert line_kinds.has_figures(line) is figures
