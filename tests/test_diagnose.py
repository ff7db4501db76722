"""The diagnosis names the one wrong figure and its value: on the seed, over
every single-figure change of every fixture, and says so when it cannot pick."""

from decimal import Decimal

import pytest

import auditor
from auditor import diagnose, engine
from conftest import FIXTURES, SEED

RULES = auditor.load_rules()


def checked(text, tmp_path, name="exhibit.txt"):
    path = tmp_path / name
    path.write_text(text)
    result = auditor.check_file(str(path), RULES)
    assert result.error is None
    return result, diagnose.result(result, RULES)


def test_seed_suggestion_names_line_42_column_98_and_9824():
    result = auditor.check_file(str(SEED), RULES)
    diagnosis = diagnose.result(result, RULES)
    assert len(result.findings) == 2 and not diagnosis.candidates
    for f in result.findings:
        s = diagnosis.suggestions[f]
        assert (s.cell.line, s.cell.column, s.value) == (42, 98, Decimal("9824"))
        assert (s.row, s.column, s.confidence) == ("Total", "ending", "high")
        assert {e.check for e in s.explains} == {"row_identity", "column_total"}
    assert s.sentence() == (
        "2003 Total, balance at end: printed 9,762, every check that reads it (row identity, column total) says 9,824"
    )


def test_clean_file_costs_nothing(monkeypatch, tmp_path):
    result, _ = checked(SEED.read_text().replace("$ 9,762", "$ 9,824"), tmp_path)
    calls = []
    monkeypatch.setattr(engine, "evaluate", lambda *a, **k: calls.append(a) or [])
    assert diagnose.result(result, RULES) == diagnose.Diagnosis()
    assert calls == []


# --- every single-figure change ---------------------------------------------------


def slips(value: Decimal):
    """Wrong values a typist makes of a figure: a digit off, transposed,
    dropped, repeated, and the sign flipped."""
    digits = format(abs(value), "f").replace(".", "")
    scale = Decimal(1).scaleb(-(len(format(abs(value), "f").partition(".")[2])))
    sign = -1 if value < 0 else 1

    def number(d):
        return sign * Decimal(int(d)) * scale

    yield value + 5 * scale
    if len(digits) >= 2 and digits[-1] != digits[-2]:
        yield number(digits[:-2] + digits[-1] + digits[-2])
    if len(digits) >= 2:
        yield number(digits[:-1])
    yield number(digits + digits[-1])
    if value:
        yield -value


def cleaned(schedule):
    """The fixture with its own errors corrected as diagnosed (the seed's 9,762),
    so every change below is the only wrong figure."""
    diagnosis = diagnose.schedule_diagnosis(schedule, RULES)
    assert not diagnosis.candidates
    cells = diagnose._cells(schedule)
    for s in {s.cell: s for s in diagnosis.suggestions.values()}.values():
        schedule = diagnose.corrected(schedule, cells[(s.cell.line, s.cell.column)], s.value)
    assert not diagnose.failures(engine.evaluate(schedule, RULES))
    return schedule


def sweep(schedule):
    """(named, ambiguous, changes) over every single-figure change of a schedule."""
    named = ambiguous = changes = 0
    for position, where in diagnose._cells(schedule).items():
        original = where[3].value if where[3].value is not None else Decimal(0)
        for wrong in set(slips(original)) - {original}:
            mutated = diagnose.corrected(schedule, where, wrong)
            failed = diagnose.failures(engine.evaluate(mutated, RULES))
            if not failed:  # rounding explains it: nothing to diagnose
                continue
            changes += 1
            diagnosis = diagnose.schedule_diagnosis(mutated, RULES)
            if any(f in diagnosis.candidates for f in failed):
                ambiguous += 1
            suggested = {(s.cell.line, s.cell.column, s.value) for s in diagnosis.suggestions.values()}
            if suggested == {(*position, original)} and len(diagnosis.suggestions) == len(failed):
                named += 1
    return named, ambiguous, changes


FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.name for p in FIXTURE_FILES])
def test_every_single_figure_change_is_named(path):
    result = auditor.check_file(str(path), RULES)
    assert result.error is None
    for schedule in result.schedules:
        named, ambiguous, changes = sweep(cleaned(schedule))
        assert changes > 0
        # Measured on the seed: 271 of 271 named, none ambiguous.
        assert (named, ambiguous) == (changes, 0), f"{named}/{changes} named, {ambiguous} ambiguous"


# --- ambiguity and slips -----------------------------------------------------------

PERIOD_2001 = SEED.read_text().split("\n")[:25]  # one period, no Total row


def test_a_failure_no_other_check_reads_lists_every_candidate(tmp_path):
    lines = list(PERIOD_2001)
    lines[23] = lines[23].replace("562", "565")  # Warranty 2001 ending: only its row identity reads it
    result, diagnosis = checked("\n".join(lines + ["</TABLE>"]), tmp_path)
    (failed,) = [f for f in result.findings if f.severity == "error"]
    assert failed not in diagnosis.suggestions
    candidates = diagnosis.candidates[failed]
    assert [(s.cell.column, s.value) for s in candidates] == [
        (51, Decimal("548")), (68, Decimal("66")), (80, Decimal("3")), (92, Decimal("43")), (100, Decimal("562")),
    ]
    assert {s.confidence for s in candidates} == {"low"}


@pytest.mark.parametrize("line,old,new,slip", [
    (23, "2,490", "2,940", "two digits transposed: the difference, 450, is divisible by 9"),
    (39, "7,997", "799", "a digit dropped"),
    (31, "5,756", "57,756", "a digit repeated"),
    (38, "634", "(634)", "a flipped sign"),
])
def test_typical_slips_are_named(tmp_path, line, old, new, slip):
    lines = SEED.read_text().replace("$ 9,762", "$ 9,824").split("\n")
    end = lines[line - 1].rindex(old) + len(old)  # figures are right-aligned
    start = end - max(len(old), len(new))
    lines[line - 1] = lines[line - 1][:start] + new.rjust(end - start) + lines[line - 1][end:]
    result, diagnosis = checked("\n".join(lines), tmp_path)
    (s,) = {diagnosis.suggestions[f] for f in result.findings if f.severity == "error"}
    assert s.cell.line == line and s.value == Decimal(old.replace(",", ""))
    assert s.slip == slip
    assert s.sentence().endswith(f"(looks like {slip})")


def test_a_figure_copied_from_the_adjacent_period_is_named(tmp_path):
    text = SEED.read_text().replace("$ 9,762", "$ 9,824")
    lines = text.split("\n")
    # 2002 Warranty reserve ends at 479; print 2001's 562 instead.
    assert lines[31].endswith("  479")
    lines[31] = lines[31][:-3] + "562"
    result, diagnosis = checked("\n".join(lines), tmp_path)
    (s,) = {diagnosis.suggestions[f] for f in result.findings if f.severity == "error"}
    assert (s.cell.line, s.value) == (32, Decimal("479"))
    assert s.slip == "a figure copied from Year ended June 30, 2001"
