"""A filing's own text (its title, headings, labels) shown to a person as printed: never read
as rich's markup ("[/b]" in a heading ended `--show-table` in an internal error, exit 3) and
never reaching a terminal as an escape sequence (`auditor parse`, the table, colour output)."""

from __future__ import annotations

import io

import pytest

import auditor
import hostile_nets as nets
from auditor import source
from auditor.output.text import TextReport
from conftest import SEED

ROW = "Allowance for doubtful accounts            $      159  $          108  $     138  $         -  $   405"


def _hostile() -> str:
    """The seed with "[/b]" in its label column's heading and its title, an escape sequence and
    "[/i]" in a row's label, and that row's balance at end misprinted (406 for 405)."""
    text = SEED.read_text()
    assert ROW in text
    text = text.replace("DESCRIPTION                                ", "DESCRIPTION [/b]                           ", 1)
    text = text.replace("(IN THOUSANDS)", "(IN THOUSANDS) [/b]", 1)
    return text.replace(ROW, ROW.replace("Allowance for doubtful", "Allowance\x1b[2J [/i] doubtful", 1)[:-3] + "406", 1)


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # (no result cache beside the sources)
    path = tmp_path / "hostile.txt"
    path.write_text(_hostile())
    return path


def test_the_table_shows_a_filings_brackets_and_escapes_as_printed(hostile):
    outcome = nets.run_cli("check", "--no-cache", "--show-table", hostile)
    assert outcome.code == 1, outcome.stderr
    assert "DESCRIPTION [/b]" in outcome.stdout and "Allowance\\x1b[2J [/i] doubtful" in outcome.stdout
    assert "\x1b" not in outcome.stdout


def test_the_schedules_described_show_a_filings_escapes_as_printed(hostile):
    outcome = nets.run_cli("parse", hostile)
    assert outcome.code == 0, outcome.stderr
    assert "Allowance\\x1b[2J [/i] doubtful" in outcome.stdout and "\x1b" not in outcome.stdout


def test_colour_output_shows_a_filings_brackets_and_escapes_as_printed():
    result = auditor.check_source(source.from_text(_hostile(), "hostile[/b].txt"))
    assert any(f.rule == "VQ001" for f in result.findings)
    out = io.StringIO()
    report = TextReport(out, color=True, table=True)
    report.file(result)
    shown = out.getvalue()
    assert "hostile[/b].txt:" in shown and "\\x1b[2J [/i] doubtful" in shown
    assert "\x1b[2J" not in shown  # (colour's own escapes stay: not the filing's)
