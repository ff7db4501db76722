"""The rules files shipped in the package are valid against the shipped schema.

`auditor check` trusts the bundled default without running jsonschema at
start-up; this test is what earns that trust."""

import json
from importlib import resources

import jsonschema
import pytest
import yaml

import auditor
from auditor import rules

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
