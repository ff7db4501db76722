"""The rules files shipped in the package are valid against the shipped schema.

`auditor check` trusts the bundled default without running jsonschema at
start-up; this test is what earns that trust."""

import json
from importlib import resources

import jsonschema
import pytest
import yaml

import auditor
from auditor.ruleset import rules, snapshot

PACKAGE = resources.files("auditor")
SCHEMA = json.loads(PACKAGE.joinpath("schemas/rules.schema.json").read_text())
BUNDLED = ["rules/default.yaml"] + [f"rules/examples/{p.name}" for p in PACKAGE.joinpath("rules/examples").iterdir()
                                    if p.name.endswith(".yaml")]


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_rules_file_is_valid(name):
    data = yaml.safe_load(PACKAGE.joinpath(name).read_text())
    jsonschema.validate(data, SCHEMA)
    # And it builds: every formula compiles, every role it names exists.
    assert rules.load(str(PACKAGE.joinpath(name))).rules


def test_a_copy_of_the_default_is_validated_like_any_user_file(tmp_path):
    # Only the shipped file itself is trusted; a user's copy goes through the schema.
    text = PACKAGE.joinpath("rules/default.yaml").read_text().replace("severity: error", "severity: fatal", 1)
    path = tmp_path / "default.yaml"
    path.write_text(text)
    with pytest.raises(auditor.InputError) as err:
        rules.load(str(path))
    assert "severity" in str(err.value) and str(path) in str(err.value)


def test_the_snapshot_check_starts_from_is_the_default_yaml_as_read():
    # `auditor check` reads the default rules from this snapshot, not with
    # PyYAML; it must be exactly what the YAML says, ids on the same lines.
    text = PACKAGE.joinpath("rules/default.yaml").read_text()
    stored = json.loads(PACKAGE.joinpath(snapshot.NAME).read_text())
    assert stored == snapshot.make(text), "stale snapshot: run `python -m auditor.ruleset.snapshot`"
    assert snapshot.read(text) == (yaml.safe_load(text), stored["id_lines"])


def test_default_rules_read_from_the_snapshot_equal_those_read_from_yaml(monkeypatch):
    from_snapshot = rules.load()
    monkeypatch.setattr(snapshot, "read", lambda text: None)
    from_yaml = rules.load()
    def plain(rule):  # compiled formulas are compared by their text
        return rule._replace(formula=rule.formula.source if rule.formula else None)

    assert [plain(r) for r in from_snapshot.rules] == [plain(r) for r in from_yaml.rules]
    assert from_snapshot.tolerance == from_yaml.tolerance
    assert [(r.role, r.effect, r.position, [p.pattern for p in r.patterns]) for r in from_snapshot.roles] == \
           [(r.role, r.effect, r.position, [p.pattern for p in r.patterns]) for r in from_yaml.roles]


def test_a_snapshot_of_another_text_is_not_used():
    text = PACKAGE.joinpath("rules/default.yaml").read_text()
    assert snapshot.read(text + "\n# edited\n") is None
    assert snapshot.read(text.replace("error", "warning", 1)) is None


def test_check_does_not_import_yaml(tmp_path):
    import subprocess
    import sys

    exhibit = PACKAGE.joinpath("rules/examples/sample-exhibit.txt")
    code = ("import sys, auditor; auditor.check_file(sys.argv[1]); "
            "print('yaml' in sys.modules, 'jsonschema' in sys.modules, 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(exhibit)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]
