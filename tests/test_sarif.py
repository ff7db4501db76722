"""`--format sarif`: valid SARIF 2.1.0 (the official schema), one run, the
rules of the rules file, results at the cell, the diagnosis as a fix."""

import json
import shutil

import jsonschema
import pytest

from conftest import ROOT, SEED, run

RELATIVE_SEED = SEED.relative_to(ROOT).as_posix()


@pytest.fixture
def sarif_schema(shared):
    return json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text())


def sarif(*args, cwd=ROOT):
    proc = run("check", "--format", "sarif", *args, cwd=cwd)
    return proc, json.loads(proc.stdout) if proc.stdout.strip() else None


def test_seed_is_valid_sarif_with_one_run(sarif_schema):
    proc, doc = sarif(SEED)
    assert proc.returncode == 1 and proc.stderr == ""
    jsonschema.validate(doc, sarif_schema)
    assert doc["version"] == "2.1.0"
    (run_,) = doc["runs"]
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_driver_carries_the_rules_of_the_rules_file(sarif_schema):
    _, doc = sarif(SEED)
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["name"] == "auditor"
    rules = {r["id"]: r for r in driver["rules"]}
    assert sorted(rules) == ["VQ001", "VQ002", "VQ003", "VQ004", "VQ005", "VQ006", "VQ007", "VQ008",
                             "VQ009", "VQ010", "VX001", "VX002", "VX003"]
    identity = rules["VQ001"]
    assert identity["name"] == "row-identity"
    assert identity["defaultConfiguration"] == {"level": "error"}
    assert identity["fullDescription"]["text"].startswith("Each row closes: balance at end = balance at beginning")
    assert identity["shortDescription"]["text"] == "Each row closes"
    assert "Applies to every row, totals too." in identity["help"]["text"]


def test_results_point_at_the_cell_and_carry_the_fix(sarif_schema):
    _, doc = sarif(SEED)
    results = doc["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["VQ001", "VQ002"]
    for r in results:
        assert r["level"] == "error"
        (where,) = r["locations"]
        artifact = where["physicalLocation"]["artifactLocation"]
        assert artifact == {"uri": RELATIVE_SEED, "uriBaseId": "%SRCROOT%"}
        assert where["physicalLocation"]["region"] == {"startLine": 42, "startColumn": 98, "endColumn": 103}
        assert "9,824" in r["message"]["text"]
        (fix,) = r["fixes"]
        (change,) = fix["artifactChanges"]
        (replacement,) = change["replacements"]
        assert replacement == {
            "deletedRegion": {"startLine": 42, "startColumn": 98, "endColumn": 103},
            "insertedContent": {"text": "9,824"},
        }
    identity, total = results
    assert [loc["physicalLocation"]["region"]["startColumn"] for loc in total["relatedLocations"]] == [100, 98, 98]
    # The baseline fingerprint tracks a finding across edits that move lines.
    assert identity["partialFingerprints"]["auditorFinding/v1"] != total["partialFingerprints"]["auditorFinding/v1"]


def test_uri_is_relative_to_the_working_directory(sarif_schema, tmp_path):
    (tmp_path / "filings").mkdir()
    shutil.copy(SEED, tmp_path / "filings" / "q 4.txt")
    _, doc = sarif("filings/q 4.txt", cwd=tmp_path)
    jsonschema.validate(doc, sarif_schema)
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "filings/q%204.txt"
    assert doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    # A file outside the working directory gets an absolute file URI.
    _, doc = sarif(SEED, cwd=tmp_path)
    artifact = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": SEED.as_uri()}


def test_clean_file_has_no_results(sarif_schema, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(SEED.read_text().replace("$ 9,762", "$ 9,824"))
    proc, doc = sarif(clean, cwd=tmp_path)
    assert proc.returncode == 0
    jsonschema.validate(doc, sarif_schema)
    assert doc["runs"][0]["results"] == []


def test_unreadable_file_is_a_notification(sarif_schema, tmp_path):
    (tmp_path / "notes.txt").write_text("Nothing to see here.\n")
    proc, doc = sarif("notes.txt", SEED, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "notes.txt" in proc.stderr and "Traceback" not in proc.stderr
    jsonschema.validate(doc, sarif_schema)
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "Schedule II" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes.txt"
    assert len(doc["runs"][0]["results"]) == 2  # the readable file is still reported


def test_an_error_at_one_character_has_its_column(sarif_schema, tmp_path):
    # Text after a row's last figure: the notification points at it.
    lines = SEED.read_text().splitlines()
    lines[37] += "   (see Note 4)"
    (tmp_path / "noted.txt").write_text("\n".join(lines) + "\n")
    proc, doc = sarif("noted.txt", cwd=tmp_path)
    assert proc.returncode == 2
    jsonschema.validate(doc, sarif_schema)
    (note,) = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    region = note["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 38, "startColumn": lines[37].index("(see") + 1}
