"""The completeness check lays out (a block a line) only the part of a file's tail its readers read:
the head after the last row where it is all that follows, and the file's last 4 KB (s47-perf9)."""

from __future__ import annotations

import pytest

from auditor import pipeline, source
from auditor.reading import completeness
from auditor.ruleset import rules
from conftest import FIXTURES

ACME = FIXTURES / "html" / "acme-tools-2004-clean.htm"
PROSE = "<p>The company's other prose, page after page, after the schedule.</p>"


def _checked(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[pipeline.FileResult, list[int]]:
    laid: list[int] = []
    blocks_as_lines = completeness._blocks_as_lines

    def spy(text: str) -> str:
        laid.append(len(text))
        return blocks_as_lines(text)

    monkeypatch.setattr(completeness, "_blocks_as_lines", spy)
    return pipeline.check_source(source.from_text(text, str(ACME)), rules.load()), laid


@pytest.mark.parametrize("one_line", [False, True])
def test_a_long_tail_is_not_laid_out_and_reads_as_before(one_line: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ACME.read_text(encoding="utf-8")
    if one_line:  # (HTML on one line: the tail starts right after the last row's last figure)
        text = text.replace("\n", "")
    body = text.lower().rindex("</body>")
    long = text[:body] + PROSE * (2 * completeness.HEAD // len(PROSE)) + text[body:]
    whole, _ = _checked(text, monkeypatch)
    result, laid = _checked(long, monkeypatch)
    assert laid and max(laid) <= completeness.TAIL  # (the file's last 4 KB alone: not the 64 KB head)
    assert result.error is None and whole.error is None
    assert [(f.rule, f.message) for f in result.findings] == [(f.rule, f.message) for f in whole.findings]


@pytest.mark.parametrize("end, head", [
    ("Notes\n<PAGE>\nAcme Tool Company\n", "Acme Tool Company"),
    ("Notes\n  <page> 3\nAcme Tool Company\n", "Acme Tool Company"),
    ("Notes\n\fAcme Tool Company\n", "Acme Tool Company"),
    ("Notes\nAcme Tool Company\n", None),
])
def test_a_running_head_is_found_after_a_page_break_in_any_case(end: str, head: str | None) -> None:
    assert completeness._running_head_only(end, frozenset()) == head


def test_the_line_above_each_row_is_read_once_a_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tail's readers ask each row's line above two or three times (a wrapped label's
    first line: `_dangling_row`, `_label_again`): the source keeps each line's collapsed
    text, read once, and each answer is the line's."""
    src = source.from_text(ACME.read_text(encoding="utf-8"), str(ACME))
    asked: list[tuple[int, int]] = []
    span = src.lines.span

    def spy(first: int, stop: int) -> str:
        asked.append((first, stop))
        return span(first, stop)

    monkeypatch.setattr(src.lines, "span", spy)
    result = pipeline.check_source(src, rules.load())
    rows = [r for s in result.schedules for p in s.periods for r in p.rows if r.line > 1]
    assert rows and result.error is None
    above = [" ".join(span(r.line - 2, r.line - 1).split()) for r in rows]
    assert [completeness._line_above(src, r) for r in rows] == above
    del asked[:]
    assert [completeness._line_above(src, r) for r in rows * 2] == above * 2 and not asked  # (kept: not read again)
