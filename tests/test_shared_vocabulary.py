"""The words every front end shares (labels): a nil figure reads alike in
each spelling of labels.NIL (the seed's "-" printed as another spelling
changes nothing), and a footnote marker of labels.NOTE_MARK is one in text
and HTML alike."""

import re
from pathlib import Path

import pytest

import auditor
from auditor import source
from auditor.frontends.html.figures import TOKEN
from auditor.labels import NIL_WORDS, NOTE_MARK, SLASH_MARK
from conftest import FIXTURES

SEED = FIXTURES / "lantronix-2003.txt"
SPELLINGS = [*NIL_WORDS, "NONE", "N/A", "NA", "\u2014", "\u2212", "--", "- -"]


def _read(text: str) -> tuple:
    result = auditor.check_source(source.from_text(text, "seed.txt"))
    assert result.error is None, result.error
    cells = [(c.line, c.value) for s in result.schedules for p in s.periods for r in p.rows for c in r.cells if c]
    return cells, [(f.rule, f.location) for f in result.findings]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_text_nil_in_any_spelling_reads_as_the_dash_does(spelling):
    text = SEED.read_text("utf-8")
    # The "-" of "Reserve for excess and obsolete inventory", padded to keep the column.
    respelled = re.sub(r"(?m)^(Reserve for excess and obsolete inventory .*?2,013 {10})- ",
                       lambda m: m.group(1)[: len(m.group(1)) + 1 - len(spelling)] + spelling + " ", text, count=1)
    assert respelled != text
    assert _read(respelled) == _read(text)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_an_html_cell_reads_each_spelling_as_a_nil(spelling):
    assert [m.lastgroup for m in TOKEN.finditer(spelling)] == ["nil"]


MARKS = ["(a)", "(B)", "(iv)", "*", "**", "\u2020", "\u2021", "\u00a7", "\u00b9", "\u2075"]


@pytest.mark.parametrize("mark", MARKS)
def test_a_text_figure_takes_each_marker_as_its_footnote(mark):
    text = SEED.read_text("utf-8")
    marked = text.replace("2,013" + " " * len(mark), "2,013" + mark, 1)
    assert marked != text
    result = auditor.check_source(source.from_text(marked, "seed.txt"))
    assert result.error is None, result.error
    (cell,) = [c for s in result.schedules for p in s.periods for r in p.rows for c in r.cells if c and c.raw == "2,013"]
    assert cell.footnote == mark
    assert _read(marked)[1] == _read(text)[1]


@pytest.mark.parametrize("mark", MARKS)
def test_an_html_cell_reads_each_marker_as_a_note(mark):
    assert [m.lastgroup for m in TOKEN.finditer(mark)] == ["note"]
    assert re.fullmatch(NOTE_MARK, mark)


@pytest.mark.parametrize("mark", ["1/", "12/"])
def test_a_numbered_marker_with_a_slash_is_one_in_text_and_html_alike(mark):
    """labels.SLASH_MARK: a text figure's "1/" after a space is its footnote, and an HTML cell's
    "1/" a note (a word among figures before s47: the table refused)."""
    assert re.fullmatch(SLASH_MARK, mark)
    assert [m.lastgroup for m in TOKEN.finditer(mark)] == ["note"]
    text = SEED.read_text("utf-8")
    marked = text.replace("2,013" + " " * (len(mark) + 1), "2,013 " + mark, 1)
    assert marked != text
    result = auditor.check_source(source.from_text(marked, "seed.txt"))
    (cell,) = [c for s in result.schedules for p in s.periods for r in p.rows for c in r.cells if c and c.raw == "2,013"]
    assert cell.footnote == mark
    assert _read(marked)[1] == _read(text)[1]


@pytest.mark.parametrize("module", ["line_kinds", "footnotes"])
def test_the_text_locator_spells_no_slash_marker_of_its_own(module):
    """The text front end's "1/" is labels.SLASH_MARK, as the HTML front end's (s48-tidy2: spelled again before)."""
    text = (Path(auditor.__file__).parent / "frontends" / "text" / f"{module}.py").read_text("utf-8")
    assert r"\d{1,2}/" not in text and r"\d{{1,2}}/" not in text


@pytest.mark.parametrize("path", ["frontends/text/wrapped.py", "reading/completeness.py", "grammar/schedule.lark"])
def test_the_slash_marker_is_spelled_once(path):
    """A wrapped row's rest, a file's tail and the grammar take "1/" from labels.SLASH_MARK (s49-tidy3:
    each spelled it again before)."""
    text = (Path(auditor.__file__).parent / path).read_text("utf-8")
    assert not re.search(r"\\d\{\{?1,2\}\}?\\?/", text)


PACKAGE = Path(auditor.__file__).parent
# Every module and grammar but labels itself, where NUMBERED_MARK is spelled.
SPELLERS = sorted(str(f.relative_to(PACKAGE)) for pattern in ("**/*.py", "**/*.lark") for f in PACKAGE.glob(pattern)
                  if f.name != "labels.py")


@pytest.mark.parametrize("path", SPELLERS)
def test_the_numbered_marker_is_spelled_once(path):
    """Every module and the grammar take "(1)" from labels.NUMBERED_MARK (s49-tidy3: a wrapped row's rest and the
    grammar; s50-tidy: the text front end's, the HTML front end's and the reading of headings spelled it again,
    in a pattern or a pattern's f-string)."""
    from auditor.labels import NUMBERED_MARK

    assert re.fullmatch(NUMBERED_MARK, "(12)") and not re.fullmatch(NUMBERED_MARK, "(123)")
    text = (PACKAGE / path).read_text("utf-8")
    assert not re.search(r"\\\(\\d\{\{?1,2\}\}?\\\)", text)


def test_the_numbered_marker_spelled_again_is_seen():
    """(The test above sees both spellings a module may type, in a pattern and in an f-string.)"""
    for spelled in (r'_NOTE = re.compile(r"\(\d{1,2}\)")', r'MARK = rf"(?:{NOTE_MARK}|\(\d{{1,2}}\))"'):
        assert re.search(r"\\\(\\d\{\{?1,2\}\}?\\\)", spelled)
    assert len(SPELLERS) > 100 and "frontends/html/figures.py" in SPELLERS and "grammar/schedule.lark" in SPELLERS


def test_the_numbered_marker_found_and_alone_are_labels():
    """A line's markers (text) and a marker alone: a text heading's note over its column and an HTML cell's
    "(1)" are one pattern (s50-tidy: tokens.HEADING_NOTE, context.HEADING_MARKER and figures.SMALL_PAREN)."""
    from auditor.labels import NUMBERED_MARKER, NUMBERED_MARKER_ALONE

    assert NUMBERED_MARKER.findall("(1) (a) (12) (123)") == ["(1)", "(12)"]
    assert NUMBERED_MARKER_ALONE.match("(2)") and not NUMBERED_MARKER_ALONE.match("(2) x")
    assert not NUMBERED_MARKER_ALONE.match("(123)")


@pytest.mark.parametrize("line, rule, rule_in_prose", [
    ("--------   ========", True, True),
    ("  ----\u00a0\u00a0----", True, True),  # (a no-break space between runs: a blank)
    ("________", True, False),  # (under prose, a signature line)
    ("---   ---", False, False),  # (short runs: nils, not a rule)
    ("----  Total", False, False),
    ("", False, False),
])
def test_a_rule_line_is_one_test_for_the_text_front_end_and_the_reading_of_a_files_tail(line, rule, rule_in_prose):
    from auditor.frontends.text.line_kinds import has_figures
    from auditor.labels import is_rule_line
    from auditor.reading import completeness

    assert is_rule_line(line) is rule and is_rule_line(line, underscores=False) is rule_in_prose
    assert not has_figures(line) or not rule  # (a rule's runs are never a row's nils)
    assert completeness._reads_whole(line) is (rule_in_prose or not line.strip())


def test_the_title_blank_apart_is_one_pattern():
    """The title with its words apart by blanks is labels.TITLE, for the text front end's headings, its
    roll-forward blocks and a file's tail alike (s50-tidy: four modules compiled it again)."""
    again = [path for path in SPELLERS if 'title_pattern(r"\\s+")' in (PACKAGE / path).read_text("utf-8")]
    assert again == []
