"""Input files as they come: line endings, tabs, trailing spaces, legacy
encodings, a BOM, form feeds; files that are not text or not a schedule;
and tables the parser cannot read, which are errors, never half-checked."""

import codecs
from decimal import Decimal

import pytest

import auditor
from conftest import SEED, run, run_json

SEED_LINES = SEED.read_text().split("\n")
TOTAL_2003 = 42  # the seed's mis-footed Total row (9,762 printed; 9,824 closes)


def seed_error_positions(lines) -> set:
    """Where the seed's two errors must be reported, read off the file's own
    characters (not the tool's): the 9,762 of the 2003 Total row."""
    text = lines[TOTAL_2003 - 1]
    return {("row_identity", TOTAL_2003, text.index("9,762") + 1),
            ("column_total", TOTAL_2003, text.index("9,762") + 1)}


def errors(result) -> set:
    assert result.error is None, result.error
    return {(f.check, f.location.line, f.location.column) for f in result.findings if f.severity == "error"}


def check_bytes(tmp_path, data: bytes, name="exhibit.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return auditor.check_file(str(path))


def test_crlf_line_endings(tmp_path):
    result = check_bytes(tmp_path, "\r\n".join(SEED_LINES).encode())
    assert errors(result) == seed_error_positions(SEED_LINES)


def test_trailing_spaces_and_form_feeds(tmp_path):
    lines = [ln + "   " for ln in SEED_LINES]
    lines[0] = "\f" + lines[0]  # a page feed before <PAGE>, as printed filings have
    lines[27] = "\f"  # the blank line between two periods is a form feed
    result = check_bytes(tmp_path, "\n".join(lines).encode())
    assert errors(result) == seed_error_positions(lines)
    assert [p.label for p in result.schedules[0].periods] == [f"Year ended June 30, {y}" for y in (2001, 2002, 2003)]


def tabbed(line: str) -> str:
    """The seed's label gutter (43 columns) typed with tabs, as many filers did:
    five tab stops reach column 40, three spaces the remaining three."""
    label = line[:43].rstrip()
    stops = 5 - len(label) // 8
    return label + "\t" * stops + " " * 3 + line[43:]


def test_tabs_report_the_files_own_columns(tmp_path):
    lines = list(SEED_LINES)
    for n in range(20, 43):
        if lines[n - 1][:1].isalpha() and lines[n - 1].find("  ") < 43 and len(lines[n - 1]) > 43:
            lines[n - 1] = tabbed(lines[n - 1])
    assert "\t" in lines[TOTAL_2003 - 1]
    result = check_bytes(tmp_path, "\n".join(lines).encode())
    got = errors(result)
    assert got == seed_error_positions(lines)
    # Line 42 is "Total" + 5 tabs + 3 spaces: 9,762 sits at file column 98 - 43 + 13.
    assert {c for _, _, c in got} == {68}
    identity = next(f for f in result.findings if f.check == "row_identity")
    total_line = lines[TOTAL_2003 - 1]
    assert [(p.line, p.column) for p in identity.related] == [
        (TOTAL_2003, total_line.index(t) + 1) for t in ("7,701", "4,594", "(102)", "2,369")
    ]
    # The AST handed out (JSON, `auditor parse`) counts the file's columns too.
    cell = result.schedules[0].periods[2].rows[3].cells[4]
    assert (cell.line, cell.column, cell.end_column) == (TOTAL_2003, 68, 73)


def test_a_parse_error_on_a_tabbed_line_names_the_files_column(tmp_path):
    lines = list(SEED_LINES)
    lines[31] = tabbed(lines[31]) + "   see Note 4"  # Warranty reserve: 3 tabs
    assert lines[31].count("\t") == 3
    result = check_bytes(tmp_path, "\n".join(lines).encode())
    assert result.error is not None and result.error.line == 32
    assert result.error.column == lines[31].index("see") + 1
    assert f":32:{lines[31].index('see') + 1}: unexpected 'see', expected a dollar sign or a figure or" in str(result.error)


def test_a_layout_error_on_a_tabbed_line_names_the_files_column(tmp_path):
    # A row shifted out of its columns, typed once with spaces and once with
    # two tabs that lay out to the same spaces: the same error, at the column
    # the file holds (14 characters further left: 2 tabs for 16 spaces).
    shifted = "Warranty reserve                  545        63             -           46      562"
    spaced, tabs = list(SEED_LINES), list(SEED_LINES)
    spaced[23] = shifted
    tabs[23] = "Warranty reserve\t\t" + shifted[32:]
    where_spaced, error_spaced = cli_error(tmp_path, "\n".join(spaced))
    where_tabs, error_tabs = cli_error(tmp_path, "\n".join(tabs))
    assert error_spaced["line"] == error_tabs["line"] == 24
    assert error_tabs["column"] == error_spaced["column"] - 14 > 18
    message = where_spaced.split(": ", 1)[1]
    assert "lies in no figure column" in message and where_tabs == f"24:{error_tabs['column']}: {message}"
    figure = message.split("'")[1]
    assert spaced[23][error_spaced["column"] - 1:].startswith(figure)
    assert tabs[23][error_tabs["column"] - 1:].startswith(figure)


def test_cp1252_em_dash_nil_and_accents(tmp_path):
    lines = list(SEED_LINES)
    nil = lines[21].index("-  $")  # the 2001 deductions nil of the first row
    lines[21] = lines[21][:nil] + "\x97" + lines[21][nil + 1 :]
    lines[22] = lines[22].replace("Reserve for excess and obsolete inventory", "Réserve for excess and obsolete inventory")
    data = "\n".join(lines).encode("latin-1").replace(b"\xc2\x97", b"\x97")
    assert b"\x97" in data and b"\xe9" in data
    result = check_bytes(tmp_path, data)
    assert errors(result) == seed_error_positions(SEED_LINES)
    first = result.schedules[0].periods[0].rows[0]
    assert first.cells[3].value is None and (first.cells[3].line, first.cells[3].column) == (22, nil + 1)
    assert result.schedules[0].periods[0].rows[1].label.startswith("R\u00e9serve")


def test_latin1_bytes_cp1252_cannot_decode(tmp_path):
    # 0x81 and 0x8d are undefined in cp1252: the file is read as latin-1.
    lines = list(SEED_LINES)
    lines[3] = lines[3] + " \x81\x8d"
    result = check_bytes(tmp_path, "\n".join(lines).encode("latin-1"))
    assert errors(result) == seed_error_positions(SEED_LINES)


def test_utf8_bom_and_utf8_em_dash(tmp_path):
    lines = list(SEED_LINES)
    nil = lines[31].index("-  ")  # Warranty reserve, 2002, charged to other accounts
    lines[31] = lines[31][:nil] + "\u2014" + lines[31][nil + 1 :]
    result = check_bytes(tmp_path, codecs.BOM_UTF8 + "\n".join(lines).encode("utf-8"))
    assert errors(result) == seed_error_positions(SEED_LINES)
    cell = result.schedules[0].periods[1].rows[2].cells[2]
    assert cell.value is None and (cell.line, cell.column) == (32, nil + 1)


@pytest.mark.parametrize(
    "data,message",
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "not a text file: it is a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" * 20, "not a text file: it is a zip archive"),
        (bytes(range(1, 32)) * 40, "not a text file (too many control bytes)"),
        (codecs.BOM_UTF8, "no Schedule II found: the file is empty"),
        (b"  \r\n\r\n\t\n", "no Schedule II found: the file is empty"),
        (b"Dear shareholders,\r\nFiscal 2003 was a year of change.\r\n", "no Schedule II found"),
    ],
    ids=["pdf", "docx", "control-bytes", "bom-only", "blank", "letter"],
)
def test_files_that_cannot_be_checked(tmp_path, data, message):
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    proc = run("check", path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (err,) = proc.stderr.splitlines()
    assert err.startswith(f"auditor: {path}: {message}")
    assert not any(": error VQ" in ln for ln in proc.stdout.splitlines())


# --- what the parser cannot read: an error naming the line, never half a table


def cli_error(tmp_path, text: str):
    path = tmp_path / "exhibit.txt"
    path.write_text(text)
    proc = run("check", path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"auditor: {path}:")
    # Nothing of the table is reported as checked.
    assert not any(" VQ0" in ln for ln in proc.stdout.splitlines())
    json_proc, doc = run_json(path)
    assert json_proc.returncode == 2 and doc["files"][0]["findings"] == [] and doc["files"][0]["schedules"] == []
    return line[len(f"auditor: {path}:") :], doc["files"][0]["error"]


def test_table_cut_off_mid_row(tmp_path):
    # The file ends in the 2003 Total row, after its second figure.
    cut = SEED_LINES[: TOTAL_2003 - 1] + [SEED_LINES[TOTAL_2003 - 1][:66]]
    where, error = cli_error(tmp_path, "\n".join(cut))
    assert where.startswith(f"{TOTAL_2003}: the file ends inside the table opened at line 11: expected </TABLE>")
    assert error["line"] == TOTAL_2003


def test_table_with_no_close_tag_before_the_next_table(tmp_path):
    lines = SEED_LINES[:35] + ["", "<TABLE>", "Net revenues     49,415    55,491", "</TABLE>"]
    where, _ = cli_error(tmp_path, "\n".join(lines))
    assert where.startswith("37: the table opened at line 11 is cut off: expected </TABLE> before '<TABLE>'")


def test_a_row_with_more_figures_than_columns(tmp_path):
    lines = list(SEED_LINES)
    lines[31] = lines[31] + "        17"  # Warranty reserve 2002: a sixth figure
    where, error = cli_error(tmp_path, "\n".join(lines))
    assert where.startswith(f"32:{len(lines[31]) - 1}: ") and "'479'" in where and "'17'" in where
    assert error["line"] == 32


def test_a_row_shifted_out_of_its_columns(tmp_path):
    lines = list(SEED_LINES)
    lines[23] = "Warranty reserve                  545        63             -           46      562"
    where, _ = cli_error(tmp_path, "\n".join(lines))
    assert where.startswith(f"24:{lines[23].index('545') + 1}: figure '545' lies in no figure column")


def test_text_after_the_last_figure_is_an_error_naming_what_was_expected(tmp_path):
    lines = list(SEED_LINES)
    lines[37] = lines[37] + "   (see Note 4)"
    where, _ = cli_error(tmp_path, "\n".join(lines))
    column = lines[37].index("(see") + 1
    assert where.startswith(f"38:{column}: unexpected")
    assert "expected" in where


@pytest.mark.parametrize("printed, after", [("2013", "a figure"), ("$ 2010", "a dollar sign")])
def test_a_figure_without_separators_that_looks_like_a_year_is_a_figure(tmp_path, printed, after):
    # Filings that print no thousands separators have amounts like 2013 or
    # 1998; after a figure or a "$" no label word can stand, so it is an amount.
    lines = list(SEED_LINES)
    row = 22 if after == "a dollar sign" else 23
    old = "$          108" if after == "a dollar sign" else "2,013"
    new = printed.replace("$ ", "$" + " " * (len(old) - len(printed) - 1)) if after == "a dollar sign" \
        else printed.rjust(len(old))
    assert old in lines[row - 1]
    lines[row - 1] = lines[row - 1].replace(old, new)
    result = check_bytes(tmp_path, "\n".join(lines).encode())
    value = int(printed.strip("$ "))
    if value == 2013:  # 2,013 unseparated: the same amount, only the seed's own errors
        assert errors(result) == seed_error_positions(SEED_LINES)
    else:  # 2010 where 108 was printed: read as 2,010, so the 2001 row no longer closes
        column = lines[row - 1].index("2010") + 1
        assert ("row_identity", row, lines[row - 1].rindex("405") + 1) in errors(result)
        cells = {c.raw: c for p in result.schedules[0].periods for r in p.rows for c in r.cells if c}
        assert cells["2010"].value == 2010 and cells["2010"].column == column


@pytest.mark.parametrize("figures", [("1998", "63", "-", "46", "2015"), ("2001", "2002", "2003", "2004", "2005")])
def test_a_row_of_figures_that_look_like_years_is_a_row(tmp_path, figures):
    # The 2001 warranty row with an opening of 1998 (no separators, no "$"),
    # or every figure in 1900-2099: still the row, each figure in its column.
    lines = list(SEED_LINES)
    printed = ("545", "63", "-", "46", "562")
    at = [lines[23].rindex(p.rjust(len(p) + 1)) + 1 for p in printed]  # each right-aligned figure's start
    row = list(lines[23])
    for start, old, new in zip(at, printed, figures):
        end = start + len(old)
        row[end - len(new):end] = new
        row[start:end - len(new)] = " " * (end - len(new) - start)
    lines[23] = "".join(row)
    result = check_bytes(tmp_path, "\n".join(lines).encode())
    (warranty,) = [r for r in result.schedules[0].periods[0].rows if r.label == "Warranty reserve"]
    assert [c.raw for c in warranty.cells] == list(figures)
    opening, charged, other, deducted, ending = (Decimal(0) if f == "-" else Decimal(f) for f in figures)
    identity = [f for f in result.findings if f.check == "row_identity" and f.location.line == 24]
    assert (identity == []) == (opening + charged + other - deducted == ending)
