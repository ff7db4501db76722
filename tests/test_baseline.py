"""Baselines: known findings recorded by what they are about (rule, period,
row, column, printed value), so they stay accepted when lines move, and only
new findings are reported."""

import json
from importlib import resources

import jsonschema
import pytest

from conftest import SEED, run, run_json


@pytest.fixture(scope="module")
def schema():
    return json.loads(resources.files("auditor").joinpath("schemas/findings.schema.json").read_text())


@pytest.fixture
def filing(tmp_path):
    path = tmp_path / "filing.txt"
    path.write_text(SEED.read_text())
    return path


def write_baseline(tmp_path, *files):
    baseline = tmp_path / "auditor-baseline.json"
    proc = run("check", "--write-baseline", baseline.name, *[f.name for f in files], cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == ""
    assert proc.stderr == f"auditor: recorded 2 findings as accepted in {baseline.name}\n"
    return baseline


def test_baseline_records_what_and_not_where(tmp_path, filing):
    doc = json.loads(write_baseline(tmp_path, filing).read_text())
    assert doc["version"] == 1
    assert [(e["path"], e["rule"], e["period"], e["row"], e["column"], e["printed"]) for e in doc["findings"]] == [
        ("filing.txt", rule, "Year ended June 30, 2003", "Total", "ending", "9,762") for rule in ("VQ001", "VQ002")
    ]
    assert not any("line" in e for e in doc["findings"])


def test_known_findings_are_suppressed_and_counted(tmp_path, filing, schema):
    baseline = write_baseline(tmp_path, filing)
    proc = run("check", "--baseline", baseline.name, filing.name, cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout == "0 findings (0 errors, 0 warnings, 0 info) in 1 file; 2 known findings suppressed by the baseline\n"
    proc, doc = run_json("--baseline", baseline.name, filing.name, cwd=tmp_path)
    jsonschema.validate(doc, schema)
    assert doc["summary"]["suppressed"] == 2 and doc["files"][0]["findings"] == []


def test_fingerprints_survive_lines_moving(tmp_path, filing):
    baseline = write_baseline(tmp_path, filing)
    filing.write_text("Filed with the annual report.\n\n\n" + SEED.read_text())  # every line moves down 3
    proc, doc = run_json("--baseline", baseline.name, filing.name, cwd=tmp_path)
    assert proc.returncode == 0 and doc["summary"]["suppressed"] == 2


def test_new_findings_are_reported_beside_known_ones(tmp_path, filing):
    baseline = write_baseline(tmp_path, filing)
    filing.write_text(SEED.read_text().replace("   1,989 ", "   1,998 "))  # a new slip, 2003 reserve deductions
    proc, doc = run_json("--baseline", baseline.name, filing.name, cwd=tmp_path)
    assert proc.returncode == 1 and doc["summary"]["suppressed"] == 2
    new = [(f["rule"], f["row"], f["column"]) for f in doc["files"][0]["findings"]]
    assert new == [("VQ001", "Reserve for excess and obsolete inventory", "ending"), ("VQ002", "Total", "deductions")]


def test_a_changed_printed_value_is_a_new_finding(tmp_path, filing):
    baseline = write_baseline(tmp_path, filing)
    filing.write_text(SEED.read_text().replace("$ 9,762", "$ 9,763"))
    proc, doc = run_json("--baseline", baseline.name, filing.name, cwd=tmp_path)
    assert proc.returncode == 1 and doc["summary"]["suppressed"] == 0
    assert len(doc["files"][0]["findings"]) == 2


def test_a_baseline_accepts_findings_of_its_own_file_only(tmp_path, filing):
    baseline = write_baseline(tmp_path, filing)
    (tmp_path / "other.txt").write_text(SEED.read_text())
    proc, doc = run_json("--baseline", baseline.name, "other.txt", filing.name, cwd=tmp_path)
    assert proc.returncode == 1 and doc["summary"]["suppressed"] == 2
    assert [len(f["findings"]) for f in doc["files"]] == [2, 0]


@pytest.mark.parametrize("content,message", [
    ("{", "auditor-baseline.json:1: baseline is not JSON"),
    ('{"version": 2, "findings": []}', "not an auditor baseline"),
    ('{"version": 1, "findings": [{"path": 1}]}', "baseline finding 1 needs a path and a fingerprint"),
])
def test_a_bad_baseline_is_one_line_and_exit_2(tmp_path, filing, content, message):
    (tmp_path / "auditor-baseline.json").write_text(content)
    proc = run("check", "--baseline", "auditor-baseline.json", filing.name, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and message in proc.stderr and "Traceback" not in proc.stderr


def test_no_baseline_from_a_partial_check(tmp_path, filing):
    (tmp_path / "notes.txt").write_text("no schedule here\n")
    proc = run("check", "--write-baseline", "b.json", "notes.txt", filing.name, cwd=tmp_path)
    assert proc.returncode == 2 and not (tmp_path / "b.json").exists()


def test_write_and_read_a_baseline_at_once_is_a_usage_error(tmp_path, filing):
    proc = run("check", "--write-baseline", "a.json", "--baseline", "b.json", filing.name, cwd=tmp_path)
    assert proc.returncode == 2 and "not allowed with" in proc.stderr
