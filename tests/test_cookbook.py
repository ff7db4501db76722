"""The cookbook of docs/rules.md, run as printed: each recipe's rules file on
its fixtures gives exactly the findings the docs show, and the findings sit
at the cells the test names independently."""

import re
from pathlib import Path

import pytest

import auditor
from auditor.ruleset import rules
from conftest import FIXTURES, ROOT

DOCS = ROOT / "docs" / "rules.md"
RULE_FIXTURES = FIXTURES / "rules"
RECIPE = re.compile(r"```yaml\n# cookbook: (\S+) on ([^\n]+)\n(.*?)```\n\n```text\n(.*?)```", re.S)


def recipes():
    found = RECIPE.findall(DOCS.read_text())
    return [pytest.param(rule, [f.strip() for f in files.split(",")], text, shown, id=f"{rule}")
            for rule, files, text, shown in found]


def test_the_docs_hold_at_least_eight_recipes():
    assert len(recipes()) >= 8


def findings(rules_text, rule_prefix, fixture, tmp_path):
    path = tmp_path / "team.yaml"
    path.write_text(rules_text)
    ruleset = rules.load(str(path))
    result = auditor.check_file(str(RULE_FIXTURES / fixture), ruleset, lambda r: r.id.startswith(rule_prefix))
    assert result.error is None, result.error
    return result.findings


def line(f, fixture):
    return f"{fixture}:{f.location.line}:{f.location.column}: {f.severity} {f.rule} {f.message}"


@pytest.mark.parametrize("rule,fixtures,text,shown", recipes())
def test_recipe_gives_the_findings_the_docs_show(rule, fixtures, text, shown, tmp_path):
    got = [line(f, fx) for fx in fixtures for f in findings(text, rule, fx, tmp_path)]
    expected = [s for s in shown.splitlines() if not s.startswith("(no findings")]
    assert got == expected


# Independent of the docs' wording: where each recipe's findings must be.
WHERE = {
    ("TEAM001", "brightwater-appliance-2004.txt"): [("error", 32, 90, "deductions")],
    ("TEAM001", "kestrel-savings-2000.txt"): [],  # charge-offs printed negative still read as deductions
    ("TEAM002", "brightwater-appliance-2004.txt"): [("warning", 23, 103, "ending")],
    ("TEAM003", "kestrel-savings-2000.txt"): [("error", 19, 1, None)],
    ("TEAM004", "brightwater-appliance-2004.txt"): [("info", 23, 103, "ending"), ("info", 30, 103, "ending")],
    ("TEAM005", "brightwater-appliance-2004.txt"): [("warning", 30, 64, "charged_costs")],
    ("TEAM006", "kestrel-savings-2000.txt"): [("warning", 20, 75, "recoveries")],
    ("TEAM006", "brightwater-appliance-2004.txt"): [],  # no recoveries column: does not apply
    ("TEAM007", "meridian-chemical-2005.txt"): [("error", 18, 101, "ending")],
    ("TEAM008", "meridian-chemical-2005.txt"): [("info", 16, 102, "ending")],
    ("VQ004", "brightwater-appliance-2004.txt"): [("warning", 32, 105, "ending")],
    ("VQ", "hollis-industrial-2001.txt"): [],
    # (the team's deductions word places the folded headings' rests: the closing typo at its cell)
    ("VQ001", "lindenau-tool-1996-own-deductions-word-folded-at-72.txt"): [("error", 22, 36, "ending")],
}


@pytest.mark.parametrize("rule,fixture", list(WHERE))
def test_recipe_findings_sit_at_the_cells_they_are_about(rule, fixture, tmp_path):
    text = next(t for r, _, t, _ in RECIPE.findall(DOCS.read_text()) if r == rule)
    got = [(f.severity, f.location.line, f.location.column, f.column) for f in findings(text, rule, fixture, tmp_path)]
    assert got == WHERE[(rule, fixture)]


def test_default_rules_on_the_cookbook_fixtures():
    """The default rules alone: the warranty over-release shows as a negative
    balance; Meridian's 0.1 is rounding (info); Hollis needs its team role."""
    def run(name):
        return auditor.check_file(str(RULE_FIXTURES / name))

    bright = run("brightwater-appliance-2004.txt")
    assert [(f.rule, f.severity, f.location.line, f.location.column) for f in bright.findings] == [
        ("VQ004", "error", 32, 105)]
    assert run("kestrel-savings-2000.txt").findings == []
    meridian = run("meridian-chemical-2005.txt")
    assert {(f.rule, f.severity, str(f.difference)) for f in meridian.findings} == {
        ("VQ001", "info", "0.1"), ("VQ002", "info", "0.1")}
    # A heading no default role names is read by the arithmetic (a movement
    # that subtracts, in every row that prints one); the team role names it.
    hollis = run("hollis-industrial-2001.txt")
    assert hollis.error is None and hollis.findings == []
    (column,) = [c for c in hollis.schedules[0].columns if c.heading == "Reserves of Businesses Sold"]
    assert (column.role, column.effect) == ("other", "subtract")


def test_strict_example_extends_the_default_and_is_exact():
    strict = rules.load(str(ROOT / "auditor" / "rules" / "examples" / "strict.yaml"))
    assert [r.id for r in strict.rules] == ["VQ001", "VQ002", "VQ003", "VQ004", "VQ005", "VQ006", "VQ007", "VQ008", "VQ009", "VQ010",
                                            "VX001", "VX002", "VX003", "STRICT001", "STRICT002"]
    assert strict.rule("VQ004").severity == "warning" and strict.rule("VQ004").formula is not None
    result = auditor.check_file(str(RULE_FIXTURES / "meridian-chemical-2005.txt"), strict)
    assert {(f.rule, f.severity) for f in result.findings} == {("VQ001", "error"), ("VQ002", "error")}
    assert Path(strict.files[-1]).name == "default.yaml"


def test_custom_findings_keep_the_json_contract(tmp_path):
    """A period-level finding (no row, no column) and formula findings validate
    against the shipped findings schema."""
    import json

    import jsonschema

    from conftest import run

    recipes_ = {r: t for r, _, t, _ in RECIPE.findall(DOCS.read_text())}
    body = [recipes_[r].split("rules:\n", 1)[1] for r in ("TEAM003", "TEAM006")]
    team = tmp_path / "team.yaml"
    team.write_text("extends: default\nrules:\n" + "".join(body))
    proc = run("check", "--format", "json", "--rules", team, RULE_FIXTURES / "kestrel-savings-2000.txt")
    doc = json.loads(proc.stdout)
    schema = json.loads((ROOT / "auditor" / "schemas" / "findings.schema.json").read_text())
    jsonschema.validate(doc, schema)
    by_rule = {f["rule"]: f for f in doc["files"][0]["findings"]}
    assert by_rule["TEAM003"]["column"] is None and by_rule["TEAM003"]["location"] == {"line": 19, "column": 1}
    assert by_rule["TEAM006"]["check"] == "formula" and by_rule["TEAM006"]["actual"] == 1210
    assert proc.returncode == 1
