"""The rule language: formulas, sign conventions, tolerance methods, extends,
and every kind of bad rules file as one clear error with its line and column."""

from decimal import Decimal

import pytest

from auditor.ruleset import engine, formula, rules
from auditor.model import Cell, Column, Period, Row, Schedule
from conftest import run

ROLES = {"beginning", "charged_costs", "charged_other", "deductions", "ending", "writeoffs", "recoveries"}
D = Decimal


# --- a schedule built by hand: one period, items and a total ----------------------------


def cell(text, line, column):
    if text in ("-", ""):
        return None if text == "" else Cell(None, "-", line, column, column + 1)
    negative = text.startswith("(")
    value = D(text.strip("()").replace(",", ""))
    return Cell(-value if negative else value, text, line, column, column + len(text))


EFFECTS = {"beginning": "opening", "charged_costs": "add", "charged_other": "add",
           "deductions": "subtract", "ending": "closing", "writeoffs": "subtract", "recoveries": "add"}


def schedule(roles, *periods, deductions="subtracted", balance_sign=1):
    """periods: (label, [(label, kind, [figure text per role])])"""
    columns = tuple(Column(r, r, 10 * k + 1, 10 * k + 10, EFFECTS[r]) for k, r in enumerate(roles))
    built, line = [], 1
    for label, rows in periods:
        period_rows = []
        for row_label, kind, figures in rows:
            cells = tuple(cell(t, line, 10 * k + 1) for k, t in enumerate(figures))
            period_rows.append(Row(row_label, kind, cells, line))
            line += 1
        built.append(Period(label, tuple(period_rows), line, fiscal_year=int(label[-4:])))
    return Schedule("t", "thousands", columns, tuple(built), 1, deductions=deductions, balance_sign=balance_sign)


def ruleset(formula_text, tolerance="rounding", **rule):
    spec = {"id": "T1", "severity": "error", "message": "{row}: {actual} vs {expected}", "formula": formula_text}
    spec.update(rule)
    import yaml

    text = yaml.safe_dump({"extends": "default", "tolerance": tolerance, "rules": [spec]})
    return rules.loads(text, "/tmp/t.yaml")


def t1(schedule_, formula_text, **kw):
    rs = ruleset(formula_text, **kw)
    return [f for f in engine.evaluate(schedule_, rs, lambda r: r.id == "T1")]


FIVE = ("beginning", "charged_costs", "charged_other", "deductions", "ending")


# --- compiling -----------------------------------------------------------------------


def test_precedence_and_grouping():
    f = formula.compile("ending == beginning + charged_costs * 2 - (deductions - 1)", ROLES)
    root = f.root
    assert root.op == "==" and root.right.op == "-" and root.right.left.right.op == "*"


def test_top_level_and_is_split_into_tests_each_its_own_finding():
    f = formula.compile("beginning >= 0 and ending >= 0 and (deductions <= 5 or ending == 0)", ROLES)
    assert len(f.conjuncts) == 3


@pytest.mark.parametrize("text,message,column", [
    ("ending <= * beginning", "unexpected '*'", 11),
    ("ending == beginning +", "formula ends too early", 22),
    ("ending == begining", "unknown role 'begining' (did you mean 'beginning'?)", 11),
    ("ending == avg(beginning)", "unknown function 'avg'", 11),
    ("ending == sum(parts.cell)", "'cell' names the current column", 21),
    ("ending == parts.beginning", "is a set of cells", 11),
    ("ending == last.beginning", "unknown prefix 'last.'", 11),
    ("ending + 1", "expected a test", 1),
    ("ending == (beginning > 0)", "a test cannot be used as an amount", 12),
    ("ending == beginning $ 2", "unexpected character '$'", 21),
])
def test_formula_errors_name_the_column(text, message, column):
    with pytest.raises(formula.FormulaError) as err:
        formula.compile(text, ROLES)
    assert message in err.value.message
    assert err.value.column == column
    assert err.value.caret().splitlines()[1].index("^") - 4 == column - 1


def test_no_names_outside_the_schedule():
    for text in ("__import__ == 0", "ending.__class__ == 0", "os.system == 1"):
        with pytest.raises(formula.FormulaError):
            formula.compile(text, ROLES)


# --- evaluating: sign conventions, aggregates, missing columns, row scopes ---------------


SEED_LIKE = ("Year 2003", [
    ("Allowance", "item", ["1,466", "(473)", "10", "369", "634"]),
    ("Warranty", "item", ["479", "878", "(153)", "11", "1,193"]),
    ("Total", "total", ["1,945", "405", "(143)", "380", "1,827"]),
])


def test_identity_reads_deductions_printed_negative_as_taken_from_the_balance():
    printed_negative = ("Year 2003", [("Allowance", "item", ["1,466", "(473)", "10", "(369)", "634"])])
    s = schedule(FIVE, printed_negative, deductions="added")
    assert t1(s, "ending == beginning + additions - deductions") == []
    assert t1(s, "deductions == 369") == []
    # Read as printed, the same row would not close.
    s_wrong = schedule(FIVE, printed_negative, deductions="subtracted")
    (f,) = t1(s_wrong, "ending == beginning + additions - deductions")
    assert f.expected == D("1372") and f.location.column == 41


def test_contra_balances_read_positive_and_findings_show_the_printed_figures():
    contra = ("Year 2003", [
        ("Allowance", "item", ["(1,466)", "(473)", "-", "369", "(1,570)"]),
        ("Reserve", "item", ["(100)", "(50)", "-", "30", "(120)"]),
    ])
    s = schedule(FIVE, contra, deductions="added", balance_sign=-1)
    assert t1(s, "ending == beginning + additions - deductions and ending >= 0") == []
    (f,) = t1(s, "ending == beginning + additions - deductions + 10", applies_to={"label": "^reserve$"})
    assert f.actual == D("-120") and f.expected == D("-130") and f.difference == D("10")


def test_additions_and_deductions_gather_every_column_of_their_effect():
    roles = ("beginning", "charged_costs", "recoveries", "deductions", "writeoffs", "ending")
    s = schedule(roles, ("Year 2001", [("Loans", "item", ["100", "30", "5", "10", "20", "105"])]))
    assert t1(s, "ending == beginning + additions - deductions") == []
    assert t1(s, "additions == 35 and deductions == 30") == []


def test_a_column_the_table_lacks_reads_as_nil_and_a_rule_about_it_does_not_apply():
    four = ("beginning", "charged_costs", "deductions", "ending")
    s = schedule(four, ("Year 2001", [("A", "item", ["100", "30", "10", "120"])]))
    assert t1(s, "ending == beginning + charged_costs + charged_other - deductions") == []
    assert t1(s, "charged_other >= 1") == []  # its subject is not in the table


def test_prev_next_and_total_rows():
    s = schedule(FIVE, ("Year 2002", [("Allowance", "item", ["1,000", "500", "-", "34", "1,466"])]), SEED_LIKE)
    assert t1(s, "beginning == prev.ending") == []
    assert t1(s, "ending == next.beginning") == []
    (f,) = t1(s, "ending <= 0.5 * total.ending", applies_to={"rows": "items"})
    assert (f.row, f.actual, f.expected, f.difference) == ("Warranty", D("1193"), None, D("279.5"))


def test_prev_is_chronological_not_printed_order():
    newest_first = schedule(FIVE, SEED_LIKE, ("Year 2002", [("Allowance", "item", ["1,000", "500", "-", "30", "1,470"])]))
    (f,) = t1(newest_first, "beginning == prev.ending")
    assert (f.period, f.actual, f.expected, f.location.line) == ("Year 2003", D("1466"), D("1470"), 1)
    assert [(p.line, p.column) for p in f.related] == [(4, 41)]


def test_column_sums_with_parts_and_min_max_over_items():
    s = schedule(FIVE, SEED_LIKE)
    rule = dict(applies_to={"rows": "totals", "columns": "all"})
    assert t1(s, "cell == sum(parts.cell)", **rule) == []
    label, rows = SEED_LIKE
    slipped = schedule(FIVE, (label, rows[:2] + [("Total", "total", ["1,945", "405", "(143)", "380", "1,872"])]))
    (f,) = t1(slipped, "cell == sum(parts.cell)", **rule)
    assert (f.column, f.actual, f.expected, f.location.line, f.location.column) == ("ending", D("1872"), D("1827"), 3, 41)
    assert [(p.line, p.column) for p in f.related] == [(1, 41), (2, 41)]
    assert t1(s, "max(items.ending) == 1193 and min(items.beginning) == 479") == []
    assert t1(s, "sum(items.ending, 1) == 1828") == []


def test_a_row_printing_none_of_the_figures_is_not_checked():
    s = schedule(FIVE, ("Year 2001", [("Empty", "item", ["", "", "", "", ""])]))
    assert t1(s, "beginning >= 1") == []


def test_division_by_zero_skips_the_row():
    s = schedule(FIVE, ("Year 2001", [("A", "item", ["0", "5", "-", "5", "0"])]))
    assert t1(s, "ending / beginning <= 2") == []


def test_every_failing_test_of_an_and_is_its_own_finding_at_its_own_cell():
    s = schedule(FIVE, ("Year 2001", [("A", "item", ["(5)", "10", "-", "20", "(15)"])]))
    found = t1(s, "beginning >= 0 and ending >= 0")
    assert [(f.column, f.location.column, f.actual) for f in found] == [("beginning", 1, D(-5)), ("ending", 41, D(-15))]


# --- tolerance: where the methods differ ------------------------------------------------


def sums(parts, total):
    rows = [(f"R{i}", "item", [p, "", "", "", ""]) for i, p in enumerate(parts)]
    return schedule(FIVE, ("Year 2001", rows + [("Total", "total", [total, "", "", "", ""])]))


TOTALS = dict(applies_to={"rows": "totals", "columns": ["beginning"]})


@pytest.mark.parametrize("parts,total,rounding,exact,one", [
    (["1", "1", "1"], "4", "info", "error", "info"),
    (["1", "1", "1"], "6", "error", "error", "error"),
    (["1", "1", "1"], "5", "info", "error", "error"),
    (["1", "-", "-"], "2", "info", "error", "info"),
    (["1", "-", "-"], "3", "error", "error", "error"),  # nils are exact: only 1 allowed
    (["1.0", "1.0", "1.0"], "3.1", "info", "error", "info"),
    (["1.0", "1.0", "1.0"], "3.3", "error", "error", "info"),  # tenths: 0.2 allowed
])
def test_tolerance_methods(parts, total, rounding, exact, one):
    s = sums(parts, total)
    got = []
    for tolerance in ("rounding", 0, 1):
        (f,) = t1(s, "cell == sum(parts.cell)", tolerance=tolerance, **TOTALS)
        got.append(f.severity)
        assert f.difference == D(total) - sum(D(p) for p in parts if p != "-")
    assert got == [rounding, exact, one]


def test_info_says_the_tolerance_and_keeps_the_difference():
    (f,) = t1(sums(["1", "1", "1"], "4"), "cell == sum(parts.cell)", **TOTALS)
    assert f.severity == "info" and f.difference == 1
    assert f.message.endswith("[within the rounding tolerance of 2]")


def test_interval_method_through_multiplication_and_inequalities():
    s = schedule(FIVE, ("Year 2001", [("A", "item", ["100", "10", "-", "5", "106"])]))
    # 106 > 100 + 5 exactly; intervals [105.5, 106.5] and [104.5, 105.5] touch: info.
    (f,) = t1(s, "ending <= beginning + 5")
    assert f.severity == "info"
    (g,) = t1(s, "ending <= 0.5 * beginning")  # [105.5, ...] vs at most 50.25
    assert g.severity == "error"
    (h,) = t1(s, "ending < beginning + 6")  # 106 < 106 fails; 105.5 < 106.5 within rounding
    assert h.severity == "info"


def test_rule_tolerance_overrides_the_file():
    import yaml

    def file(rule_tolerance):
        return rules.loads(yaml.safe_dump({"extends": "default", "tolerance": "rounding", "rules": [
            {"id": "T1", "formula": "cell == sum(parts.cell)", "severity": "error", "message": "x",
             "tolerance": rule_tolerance, **TOTALS}]}), "/tmp/t.yaml")

    exact = file(0)
    assert exact.rule("T1").tolerance == 0 and exact.tolerance == "rounding"
    (f,) = engine.evaluate(sums(["1", "1", "1"], "4"), exact, lambda r: r.id == "T1")
    assert f.severity == "error"
    (g,) = engine.evaluate(sums(["1", "1", "1"], "4"), file("rounding"), lambda r: r.id == "T1")
    assert g.severity == "info"


# --- rules files: extends, overrides, errors ----------------------------------------------


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def problems(path):
    with pytest.raises(rules.RulesError) as err:
        rules.load(path)
    return err.value.problems


def test_a_team_file_overrides_one_severity_and_adds_roles_first(tmp_path):
    path = write(tmp_path, "team.yaml", "extends: default\nroles:\n  - role: divested\n    effect: subtract\n"
                 "    patterns: ['sold']\nrules:\n  - id: VQ004\n    severity: warning\n")
    rs = rules.load(path)
    assert [(r.id, r.severity) for r in rs.rules] == [("VQ001", "error"), ("VQ002", "error"),
                                                      ("VQ003", "error"), ("VQ004", "warning"),
                                                      ("VQ005", "warning"), ("VQ006", "warning"),
                                                      ("VQ007", "warning"), ("VQ008", "warning"),
                                                      ("VQ009", "error"), ("VQ010", "warning"), ("VX001", "error"), ("VX002", "error"), ("VX003", "warning")]
    assert rs.rule("VQ004").formula.source == "beginning >= 0 and ending >= 0"
    assert rs.roles[0].role == "divested" and rs.effect("deductions") == "subtract"


def test_extends_a_relative_path_chain(tmp_path):
    (tmp_path / "team").mkdir()
    write(tmp_path, "base.yaml", "extends: default\ntolerance: 1\nrules:\n  - id: B1\n    formula: ending >= 0\n"
          "    severity: info\n    message: x\n")
    path = write(tmp_path / "team", "t.yaml", "extends: ../base.yaml\nrules:\n  - id: B1\n    severity: error\n")
    rs = rules.load(path)
    assert rs.rule("B1").severity == "error" and rs.tolerance == 1 and len(rs.files) == 3


@pytest.mark.parametrize("text,expected", [
    ("rules: [", ":1:9: not valid YAML"),
    ("- just\n- a list\n", ":1:1: a rules file is a mapping"),
    ("rules:\n  - id: A\n    formula: ending >= 0\n    severty: error\n    message: x\n",
     ":4:5: rule 'A': unknown field 'severty' (did you mean 'severity'?)"),
    ("rules:\n  - id: A\n    formula: ending >= 0\n    severity: error\n    message: x\n"
     "  - id: A\n    formula: ending >= 1\n    severity: error\n    message: y\n",
     ":6:9: rule 'A': duplicate id (first at rule #1)"),
    ("rules:\n  - id: warranty-cap\n    formula: deductons <= beginning\n    severity: error\n    message: x\n",
     ":3:14: rule 'warranty-cap': formula: unknown role 'deductons' (did you mean 'deductions'?)"),
    ("rules:\n  - id: A\n    formula: 'ending <= * beginning'\n    severity: error\n    message: x\n",
     ":3:25: rule 'A': formula: unexpected '*'\n    ending <= * beginning\n              ^"),
    ("rules:\n  - id: A\n    formula: ending >= 0\n    severity: fatal\n    message: x\n",
     ":4:15: rule 'A': field 'severity': 'fatal' is not one of error, warning, info"),
    ("rules:\n  - id: A\n    formula: ending >= 0\n    severity: error\n    message: '{rowe}'\n",
     ":5:14: rule 'A': field 'message': unknown placeholder {rowe} (did you mean 'row'?)"),
    ("rules:\n  - id: A\n    check: row_identity\n    severity: error\n    message: x\n",
     ":3:12: rule 'A': unknown check 'row_identity'"),
    ("rules:\n  - id: A\n    severity: error\n", ":2:9: rule 'A': no rule of that id to override, and a new rule needs formula (or check), message"),
    ("rules:\n  - id: A\n    formula: ending >= 0\n    severity: error\n    message: x\n    tolerance: some\n",
     ":6:16: rule 'A': field 'tolerance': 'some' is not 'rounding' or an amount >= 0"),
    # YAML keeps the last of two equal keys: the problem is the second, and
    # every other mark points into the one kept.
    ("rules:\n  extends: default\nrules:\n  - id: A\n    formula: ending >= 0\n    severity: error\n    message: x\n",
     ":3:1: field 'rules' given twice"),
    ("~: x\nrules: []\n", ":1:1: a field needs a name, not null"),
    # Placeholders are text: a format spec would fail on the first finding, so it fails on load.
    ("rules:\n  - id: A\n    formula: ending >= 0\n    severity: error\n    message: '{row: period}'\n",
     ":5:14: rule 'A': field 'message': placeholder {row} takes no format spec or conversion; write {row}"),
    ("rules:\n  - id: A\n    formula: ending >= 0\n    severity: error\n    message: '{actual!r}'\n",
     ":5:14: rule 'A': field 'message': placeholder {actual} takes no format spec or conversion; write {actual}"),
])
def test_each_bad_rules_file_is_one_clear_located_problem(tmp_path, text, expected):
    if text.startswith("rules:\n"):  # roles from the default, so only the fault is a fault
        text = "extends: default\n" + text
        line, rest = expected[1:].split(":", 1)
        expected = f":{int(line) + 1}:{rest}"
    path = write(tmp_path, "team.yaml", text)
    found = problems(path)
    assert len(found) == 1, found
    assert found[0].startswith(path + expected)


def test_an_extends_cycle_is_named(tmp_path):
    write(tmp_path, "a.yaml", "extends: b.yaml\nrules: []\n")
    write(tmp_path, "b.yaml", "extends: a.yaml\nrules: []\n")
    (problem,) = problems(str(tmp_path / "a.yaml"))
    assert problem == f"{tmp_path / 'b.yaml'}:1:10: extends cycle: a.yaml -> b.yaml -> a.yaml"


def test_a_file_extending_itself(tmp_path):
    path = write(tmp_path, "self.yaml", "extends: ./self.yaml\nrules: []\n")
    (problem,) = problems(path)
    assert "extends cycle: self.yaml -> self.yaml" in problem


def test_every_problem_is_listed_in_file_order(tmp_path):
    path = write(tmp_path, "team.yaml", (
        "extends: default\nrules:\n"
        "  - id: A\n    formula: deductons <= 1\n    severity: error\n    message: x\n"
        "  - id: B\n    formula: ending <=\n    severity: error\n    message: x\n"
        "  - id: C\n    formula: ending >= 0\n    severty: error\n    message: x\n"
    ))
    found = problems(path)
    assert [p.split(": ", 1)[0] for p in found] == [f"{path}:4:14", f"{path}:8:23", f"{path}:13:5"]


# --- the command line ---------------------------------------------------------------------


def test_validate_lists_every_problem_and_exits_2(tmp_path):
    path = write(tmp_path, "team.yaml", "extends: default\nrules:\n  - id: A\n    formula: ending >= * 0\n    severity: error\n"
                 "    message: x\n  - id: B\n    formula: endin >= 0\n    severity: error\n    message: x\n")
    proc = run("rules", "validate", path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[0] == f"{path}:4:24: rule 'A': formula: unexpected '*'"
    assert lines[2] == "    " + " " * 10 + "^"
    assert lines[3].startswith(f"{path}:8:14: rule 'B': formula: unknown role 'endin' (did you mean 'ending'?)")
    assert lines[-1] == f"auditor: {path}: 2 problems"


def test_validate_a_good_file(tmp_path):
    proc = run("rules", "validate", "auditor/rules/examples/strict.yaml", cwd=str(rules.Path(__file__).parent.parent))
    assert proc.returncode == 0 and "valid: 15 rules" in proc.stdout


def test_check_with_a_bad_rules_file_is_exit_2_and_names_the_spot(tmp_path, seed_path=None):
    path = write(tmp_path, "team.yaml", "extends: default\nrules:\n  - id: VQ004\n    severity: loud\n")
    proc = run("check", "--rules", path, "tests/fixtures/lantronix-2003.txt",
               cwd=str(rules.Path(__file__).parent.parent))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"auditor: {path}:4:15: rule 'VQ004': field 'severity'")


def test_severity_override_on_the_command_line():
    root = str(rules.Path(__file__).parent.parent)
    proc = run("check", "--format", "json", "--severity", "VQ00=warning", "tests/fixtures/lantronix-2003.txt", cwd=root)
    assert proc.returncode == 0 and '"severity": "error"' not in proc.stdout
    proc = run("check", "--severity", "VQ001=warning", "--fail-on", "warning", "tests/fixtures/lantronix-2003.txt",
               cwd=root)
    assert proc.returncode == 1
    for bad, message in (("VQ001", "expected RULE=LEVEL"), ("VQ001=loud", "expected RULE=LEVEL"),
                         ("XX=info", "no rule matches 'XX'")):
        proc = run("check", "--severity", bad, "tests/fixtures/lantronix-2003.txt", cwd=root)
        assert proc.returncode == 2 and message in proc.stderr


def test_explain_shows_the_formula_and_an_example_finding():
    proc = run("rules", "explain", "carry-forward")
    assert proc.returncode == 0
    assert "formula     beginning == prev.ending" in proc.stdout
    example = proc.stdout.split("Example finding", 1)[1]
    assert "error VQ003" in example and "balance at beginning is" in example
    assert run("rules", "explain", "VQ999").returncode == 2


def test_list_shows_each_rule_with_its_formula():
    proc = run("rules", "list")
    assert proc.returncode == 0
    for text in ("VQ001", "cell == sum(parts.cell)", "beginning == prev.ending", "row_identity"):
        assert text in proc.stdout


def test_a_field_given_twice_is_read_and_marked_as_its_last(tmp_path):
    path = write(tmp_path, "team.yaml", "extends: default\nrules:\n  - id: A\n    formula: ending >= 0\n"
                 "    formula: ending >= 1 +\n    severity: error\n    message: x\n")
    assert problems(path) == [f"{path}:5:5: field 'formula' given twice",
                              f"{path}:5:27: rule 'A': formula: formula ends too early\n    ending >= 1 +\n"
                              "                 ^"]
