"""The diagnosis names the one wrong figure and its value: on the seed, over
every single-figure change of every fixture, and says so when it cannot pick."""

import json
import statistics
import time
from collections import Counter
from decimal import Decimal
from importlib import resources

import jsonschema
import pytest

import auditor
from auditor import diagnose
from auditor.cells import by_place
from auditor.ruleset import engine
from auditor.output import document, json as json_report
from conftest import FIXTURES, SEED, run

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
    dropped, repeated, and the sign flipped; a nil printed as a figure."""
    if not value:
        yield Decimal(7)
        return
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
    yield -value


def cleaned(schedule):
    """The fixture with its own errors corrected as diagnosed (the seed's 9,762),
    so every change below is the only wrong figure; None if that cannot be done."""
    diagnosis = diagnose.schedule_diagnosis(schedule, RULES)
    cells = by_place([schedule])
    for s in {s.cell: s for s in diagnosis.suggestions.values()}.values():
        schedule = diagnose.corrected(schedule, cells[(s.cell.line, s.cell.column)], s.value)
    return None if diagnose.failures(engine.evaluate(schedule, RULES)) else schedule


def sweep(schedule, all_slips=True):
    """Counter of outcomes over single-figure changes of a schedule: `named`
    (the suggestion is the changed cell, `exact` with its printed value),
    `ambiguous` (several cells listed), `wrong` (another cell suggested)."""
    outcome = Counter()
    for position, where in by_place([schedule]).items():
        original = where[3].value if where[3].value is not None else Decimal(0)
        for wrong in sorted(set(slips(original)) - {original})[: None if all_slips else 1]:
            mutated = diagnose.corrected(schedule, where, wrong)
            failed = diagnose.failures(engine.evaluate(mutated, RULES))
            if not failed:  # rounding explains it: nothing to diagnose
                continue
            outcome["changes"] += 1
            diagnosis = diagnose.schedule_diagnosis(mutated, RULES)
            suggested = {(s.cell.line, s.cell.column) for s in diagnosis.suggestions.values()}
            if any(f in diagnosis.candidates for f in failed):
                outcome["ambiguous"] += 1
            if suggested - {position}:
                outcome["wrong"] += 1
            elif suggested and len(diagnosis.suggestions) == len(failed):
                outcome["named"] += 1
                outcome["exact"] += {s.value for s in diagnosis.suggestions.values()} == {original}
    return outcome


def test_every_single_figure_change_of_the_seed_is_named():
    (schedule,) = auditor.check_file(str(SEED), RULES).schedules
    outcome = sweep(cleaned(schedule))
    # Measured: 275 changes (4 more are within rounding), every one named with its value.
    assert outcome["changes"] > 250
    assert outcome == Counter(changes=outcome["changes"], named=outcome["changes"], exact=outcome["changes"])


FIXTURE_FILES = sorted(p for p in FIXTURES.glob("*.txt") if p != SEED)


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.name for p in FIXTURE_FILES])
def test_a_changed_figure_is_named_or_honestly_listed_never_another(path):
    """One change per figure (the last digit off by 5, a nil made 7): the
    diagnosis names the changed cell or lists candidates, never another cell.
    (A table with no total row or single period has cells only one check reads.)"""
    result = auditor.check_file(str(path), RULES)
    schedules = [s for s in map(cleaned, result.schedules) if s is not None]
    if result.error is not None or not schedules:
        pytest.skip("unreadable, or its own errors are not one figure each")
    for schedule in schedules:
        outcome = sweep(schedule, all_slips=False)
        assert outcome["wrong"] == 0
        assert outcome["named"] + outcome["ambiguous"] == outcome["changes"] > 0


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
    assert s.slip == "a figure copied from 2001"  # the period's fiscal year, not its heading as printed


def test_a_figure_copied_from_a_period_of_no_known_year_names_its_heading_else_the_adjacent_period(tmp_path):
    from dataclasses import replace

    lines = SEED.read_text().replace("$ 9,762", "$ 9,824").split("\n")
    lines[31] = lines[31][:-3] + "562"  # 2002 Warranty reserve ends at 479; 2001's 562 printed instead
    result, _ = checked("\n".join(lines), tmp_path)
    (schedule,) = result.schedules
    where = max((c for c in by_place([schedule]).values() if c.cell.line == 32), key=lambda c: c.cell.column)
    no_year = replace(schedule, periods=[replace(p, fiscal_year=None) for p in schedule.periods])
    assert diagnose._copied(no_year, where) == "a figure copied from Year ended June 30, 2001"
    no_caption = replace(no_year, periods=[replace(p, label="") for p in no_year.periods])
    assert diagnose._copied(no_caption, where) == "a figure copied from the adjacent period"


# --- two wrong figures ----------------------------------------------------------

FILED_ERROR = ((42, 98), Decimal("9824"))  # the seed's own: 2003 Total, balance at end, printed 9,762


def sweep_as_filed(schedule):
    """Outcomes over single-figure changes of the seed as filed, where the
    changed cell and 42:98 are both wrong: `named` (every failure suggested,
    only those cells at their true values; `pair` where it took both),
    `ambiguous` (candidates listed, the truth among them), `none`, `wrong`;
    and the seconds each diagnosis took."""
    outcome, times = Counter(), []
    for position, where in by_place([schedule]).items():
        if position == FILED_ERROR[0]:
            continue  # a second slip in the same figure is still one wrong figure
        original = where[3].value if where[3].value is not None else Decimal(0)
        truth = {position: original, FILED_ERROR[0]: FILED_ERROR[1]}
        for wrong in sorted(set(slips(original)) - {original}):
            mutated = diagnose.corrected(schedule, where, wrong)
            failed = diagnose.failures(engine.evaluate(mutated, RULES))
            outcome["changes"] += 1
            start = time.perf_counter()
            diagnosis = diagnose.schedule_diagnosis(mutated, RULES)
            times.append(time.perf_counter() - start)
            outcome[_outcome(diagnosis, failed, truth)] += 1
            outcome["pair"] += any(s.also for s in diagnosis.suggestions.values())
    return outcome, times


def _fixes(s) -> set:
    return {((x.cell.line, x.cell.column), x.value) for x in (s,) + s.also}


def _outcome(diagnosis, failed, truth) -> str:
    true = set(truth.items())
    if any(f in diagnosis.candidates for f in failed):
        # Honest: for each listed failure, some candidate is (part of) the truth.
        honest = all(any(_fixes(s) <= true for s in diagnosis.candidates[f])
                     for f in failed if f in diagnosis.candidates)
        return "ambiguous" if honest else "wrong"
    if not all(f in diagnosis.suggestions for f in failed):
        return "none"
    suggested = set().union(*(_fixes(s) for s in diagnosis.suggestions.values()))
    return "named" if suggested <= true else "wrong"


def test_two_wrong_figures_in_the_seed_as_filed_are_named_as_a_pair():
    """Every single-figure change of the seed as filed (its 9,762 left wrong):
    the diagnosis names both wrong figures or lists the truth among
    candidates, never another figure, never nothing.  Measured: 274 changes,
    all named, 35 of them (the 2003 Total row and 2003 ending column) as a
    pair; median 3 ms, worst 65 ms per diagnosis."""
    (schedule,) = auditor.check_file(str(SEED), RULES).schedules
    outcome, times = sweep_as_filed(schedule)
    assert outcome["changes"] > 250 and outcome["pair"] > 0
    assert outcome["named"] + outcome["ambiguous"] == outcome["changes"]
    assert statistics.median(times) < 0.1  # cheap, not a benchmark: a run is about a millisecond


def test_a_pair_is_suggested_per_finding_with_the_cell_it_is_about(tmp_path):
    lines = SEED.read_text().split("\n")
    assert "4,594" in lines[41]
    lines[41] = lines[41].replace("4,594", "4,599")  # 2003 Total, charged to costs: a second wrong figure
    result, diagnosis = checked("\n".join(lines), tmp_path)
    failed = [f for f in result.findings if f.severity == "error"]
    assert failed and not diagnosis.candidates
    for f in failed:
        s = diagnosis.suggestions[f]
        (other,) = s.also
        assert {(s.cell.column, s.value), (other.cell.column, other.value)} == {(65, Decimal("4594")), (98, Decimal("9824"))}
        assert s.cell.column == f.location.column and s.confidence == "medium"
        assert s.sentence().startswith("two figures are wrong: 2003 Total, ")
    doc = document.finding(failed[0], diagnosis)["suggestion"]
    (partner,) = diagnosis.suggestions[failed[0]].also
    assert [o["location"] for o in doc["together_with"]] == [{"line": 42, "column": partner.cell.column}]
    schema = json.loads(resources.files("auditor").joinpath("schemas/findings.schema.json").read_text())
    result.diagnosis = diagnosis
    jsonschema.validate(json.loads(json_report.dumps([result])), schema)


def test_several_pairs_are_listed_as_candidates_none_picked():
    (schedule,) = auditor.check_file(str(SEED), RULES).schedules
    cells = by_place([schedule])
    cluster = diagnose.failures(engine.evaluate(schedule, RULES))
    pairs = [frozenset({((42, 98), Decimal("9824")), ((42, 65), Decimal("4594"))}),
             frozenset({((42, 98), Decimal("9824")), ((40, 98), Decimal("1"))})]
    diagnosis = diagnose._attribute_pairs(schedule, cells, cluster, pairs)
    assert not diagnosis.suggestions and set(diagnosis.candidates) == set(cluster)
    for listed in diagnosis.candidates.values():
        assert len(listed) == 2 and {s.confidence for s in listed} == {"low"}
        assert diagnose.ambiguity(listed).startswith("Any one of 2 pairs of figures would explain this, equally: ")


def test_a_pair_is_told_once_in_the_text_report(tmp_path):
    lines = SEED.read_text().split("\n")
    lines[41] = lines[41].replace("4,594", "4,599")  # as above: 4,594 and 9,762 both wrong
    exhibit = tmp_path / "pair.txt"
    exhibit.write_text("\n".join(lines))
    proc = run("check", "--no-show-table", exhibit)
    told = [ln for ln in proc.stdout.splitlines() if ": diagnosis " in ln]
    assert proc.returncode == 1 and len(told) == 1, proc.stdout
    assert told[0].startswith(f"{exhibit}:42:65: diagnosis two figures are wrong: 2003 Total, ")
    assert "printed 4,599, should be 4,594" in told[0] and "printed 9,762, should be 9,824" in told[0]


def test_many_equal_candidates_are_capped_in_the_text_report_and_all_in_json(tmp_path):
    """Five figures explain the Warranty row's failure equally: the text line
    names the first three and how many more; JSON keeps all five, in order."""
    lines = list(PERIOD_2001)
    lines[23] = lines[23].replace("562", "565")
    exhibit = tmp_path / "five.txt"
    exhibit.write_text("\n".join(lines + ["</TABLE>"]))
    proc = run("check", "--no-show-table", exhibit)
    (told,) = [ln for ln in proc.stdout.splitlines() if ": diagnosis " in ln]
    assert told.startswith(f"{exhibit}:24:100: diagnosis Any one of 5 figures would explain this, equally: 24:51 ")
    assert told.count("; 24:") == 2 and "24:92" not in told
    assert told.endswith("; ... and 2 more (--format json lists all)")
    doc = json.loads(run("check", "--format", "json", exhibit).stdout)
    (failed,) = [f for f in doc["files"][0]["findings"] if f.get("candidates")]
    assert [c["location"]["column"] for c in failed["candidates"]] == [51, 68, 80, 92, 100]


CARRY_BREAK = """\
                   SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS
                            MARLOWE TACKLE CO.
                              (In thousands)

                                  Balance at   Charged to                Balance
                                  beginning    costs and                 at end
Description                       of year      expenses    Deductions    of year
-----------                       ----------   ----------  ----------    -------
Year ended June 30, 2005
  Allowance for doubtful accounts     400         126         (95)         431

Year ended June 30, 2004
  Allowance for doubtful accounts     388          97         (75)         410
"""


def test_many_equal_pairs_say_the_corrections_they_share_in_the_text_report(tmp_path):
    """A carry-forward break between two periods that each add up: six pairs
    explain it equally, three correcting 2005's opening, three 2004's closing.
    The text line names three pairs and says which corrections the six share."""
    exhibit = tmp_path / "carry.txt"
    exhibit.write_text(CARRY_BREAK)
    proc = run("check", "--no-show-table", exhibit)
    (told,) = [ln for ln in proc.stdout.splitlines() if ": diagnosis " in ln]
    assert told.startswith(f"{exhibit}:10:39: diagnosis Any one of 6 pairs of figures would explain this, equally: ")
    assert told.count("two figures are wrong") == 3
    assert told.endswith(
        "; ... and 3 more (--format json lists all"
        "; 3 of the 6 correct 2005 Allowance for doubtful accounts, balance at beginning: printed 400, should be 410"
        "; 3 of the 6 correct 2004 Allowance for doubtful accounts, balance at end: printed 410, should be 400)")
    doc = json.loads(run("check", "--format", "json", exhibit).stdout)
    (finding,) = doc["files"][0]["findings"]
    assert len(finding["candidates"]) == 6 and all(c.get("together_with") for c in finding["candidates"])


def _told_for_people(exhibit, text_line):
    """What the text report, the HTML page and a GitHub annotation say of the one
    failure of `exhibit` several figures explain equally (its text line's words
    after "diagnosis "), and its JSON candidates."""
    from html_dom import parse

    (told,) = [ln.split(": diagnosis ", 1)[1] for ln in run("check", "--no-show-table", exhibit).stdout.splitlines()
               if ": diagnosis " in ln]
    page = parse(run("check", "--format", "html", exhibit).stdout)
    (item,) = page.find_all("ul", cls="diagnosis")[0].find_all("li")
    annotations = [ln for ln in run("check", "--format", "github", exhibit).stdout.splitlines() if ln.startswith("::")]
    said = [a.split("::", 2)[2].split("%0A", 1)[1] for a in annotations if "%0A" in a]
    assert told.startswith(text_line), told
    return told, item.text, said


def test_many_equal_pairs_are_capped_as_in_the_text_in_the_html_page_and_github_annotations(tmp_path):
    """The carry-forward break's six equal pairs: the HTML page's diagnosis and the GitHub
    annotation say what the text line says (the first three, how many more, where all are,
    the corrections the six share); before s49 both listed all six (GitHub's runner cuts an
    annotation at 4,096 characters)."""
    exhibit = tmp_path / "carry.txt"
    exhibit.write_text(CARRY_BREAK)
    told, html_item, annotations = _told_for_people(exhibit, "Any one of 6 pairs of figures")
    assert "; ... and 3 more (--format json lists all; 3 of the 6 correct 2005 " in told
    assert html_item == f"10:39 {told}"
    assert annotations and all(a == told for a in annotations)  # (nothing in it to escape: no %, CR or LF)
    assert max(len(a) for a in annotations) < 4096


def test_many_equal_figures_are_capped_as_in_the_text_in_the_html_page_and_github_annotations(tmp_path):
    lines = list(PERIOD_2001)
    lines[23] = lines[23].replace("562", "565")
    exhibit = tmp_path / "five.txt"
    exhibit.write_text("\n".join(lines + ["</TABLE>"]))
    told, html_item, annotations = _told_for_people(exhibit, "Any one of 5 figures would explain this, equally: 24:51 ")
    assert told.endswith("; ... and 2 more (--format json lists all)")
    assert html_item == f"24:100 {told}" and annotations == [told]


def test_the_html_page_from_a_saved_result_tells_a_pair_as_the_text_does(tmp_path):
    """The page drawn from a saved result (`auditor report`) has each candidate's sentence and its
    partners' words, not the first figure's: those are read back from the pair's sentence."""
    from html_dom import parse

    exhibit = tmp_path / "carry.txt"
    exhibit.write_text(CARRY_BREAK)
    saved = tmp_path / "carry.json"
    saved.write_text(run("check", "--format", "json", exhibit).stdout)
    page = tmp_path / "carry.html"
    run("report", saved, "--output", page)
    (item,) = parse(page.read_text()).find_all("ul", cls="diagnosis")[0].find_all("li")
    assert item.text.endswith("; 3 of the 6 correct 2004 Allowance for doubtful accounts, balance at end: "
                              "printed 410, should be 400)")
    candidate = json.loads(saved.read_text())["files"][0]["findings"][0]["candidates"][0]
    (partner,) = candidate["together_with"]
    first = diagnose.first_of_pair(candidate["message"], [partner["message"]])
    assert candidate["message"] == f"{diagnose.PAIR_LEAD}{first}; {partner['message']}{diagnose.PAIR_TAIL}"
    assert diagnose.first_of_pair("printed 410, should be 400", [partner["message"]]) is None


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_html_page_from_a_saved_result_points_to_that_result_for_all_the_pairs(tmp_path, fmt):
    """The capped diagnosis says where all the pairs are listed: a run's report, "--format json lists
    all"; a page drawn from a saved result (json or jsonl), whose reader has that result, "the saved
    result lists all" (before s50, "--format json" there too)."""
    from html_dom import parse

    exhibit = tmp_path / "carry.txt"
    exhibit.write_text(CARRY_BREAK)
    saved = tmp_path / f"carry.{fmt}"
    saved.write_text(run("check", "--format", fmt, exhibit).stdout)
    proc = run("report", saved)
    assert proc.returncode == 0, proc.stderr
    (item,) = parse(proc.stdout).find_all("ul", cls="diagnosis")[0].find_all("li")
    (checked,) = parse(run("check", "--format", "html", exhibit).stdout).find_all("ul", cls="diagnosis")[0].find_all("li")
    assert "; ... and 3 more (the saved result lists all; 3 of the 6 correct 2005 " in item.text
    assert "--format json" not in item.text
    assert checked.text == item.text.replace("(the saved result lists all;", "(--format json lists all;")
