"""A year printed twice (issue 12, s28 shapes): restated beside the year as
first reported, two periods ending on the same date.  Each is its own period,
checked on its own (each opens with the year before's balances); the next year
opens with the one its caption says carries on (the restated one), and where no
caption says which, that carry forward is not checked and the reading says so.
The 24 real tables so printed: test_period_habits ("restated-beside-reported")."""

from __future__ import annotations

import json

import auditor
from auditor import source
from auditor.output.describe import dumps
from conftest import FIXTURES

RULES = auditor.load_rules()
CLEAN = (FIXTURES / "kestrel-foundry-2003-restated-year-clean.txt").read_text()


def _check(text: str):
    result = auditor.check_source(source.from_text(text, "t.txt"), RULES)
    assert result.error is None, result.error
    return result


def _findings(text: str) -> list[tuple[str, int, int]]:
    return sorted((f.check, f.location.line, f.location.column) for f in _check(text).findings)


def _reported_first(text: str) -> str:
    """The year as previously reported printed before the restated one."""
    lines = text.splitlines()
    restated, reported = lines[22:29], lines[29:36]
    return "\n".join(lines[:22] + reported + restated + lines[36:]) + "\n"


def test_the_next_year_opens_with_the_restated_one_in_either_order():
    assert _findings(CLEAN) == []
    assert _findings(_reported_first(CLEAN)) == []


def test_each_printing_of_the_year_opens_with_the_year_before():
    # (the year as previously reported opening 10 more than 2001 closed, its row moved with it)
    text = CLEAN.replace("Allowance for doubtful accounts             $     457   $     201   $      12   $     230   $     440",
                         "Allowance for doubtful accounts             $     467   $     201   $      12   $     230   $     450")
    assert text != CLEAN
    assert ("carry_forward", 31, 51) in _findings(text)


def test_no_caption_saying_which_carries_on_leaves_that_carry_unchecked_and_says_so():
    text = CLEAN.replace("(as restated)", "(revision A)").replace("(as previously reported)", "(revision B)")
    # (2003's opening now agrees with neither 2002: no error can be claimed, and none is)
    text = text.replace("$     470   $     176", "$     999   $     176")
    findings = _findings(text)
    assert not [f for f in findings if f[0] == "carry_forward"]
    reading = json.loads(dumps(_check(text).schedules))["schedules"][0]["reading"]
    assert "not checked" in reading["carry"] and "revision A" in reading["carry"]


def test_a_table_of_distinct_years_says_nothing_of_the_carry():
    text = (FIXTURES / "acme-tool-1996-clean.txt").read_text()
    assert "carry" not in json.loads(dumps(_check(text).schedules))["schedules"][0]["reading"]


def test_the_basis_names_the_restated_year_the_next_opens_with():
    reading = json.loads(dumps(_check(CLEAN).schedules))["schedules"][0]["reading"]
    assert "opens with 'Year ended December 31, 2002 (as restated)'" in reading["carry"]
