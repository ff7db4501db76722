"""The console script as users run it: formats, exit codes, errors."""

import hashlib
import json
from decimal import Decimal
from importlib import resources

import jsonschema
import pytest

from conftest import SEED, run, run_json


def findings_schema():
    return json.loads(resources.files("auditor").joinpath("schemas/findings.schema.json").read_text())


def clean_seed(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(SEED.read_text().replace("$ 9,762", "$ 9,824"))
    return path


def test_text_report_points_editors_at_the_cell():
    proc = run("check", SEED)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"{SEED}:42:98: error VQ001 Total (Year ended June 30, 2003): balance at end is 9,762")
    assert "gives 9,824" in lines[0] and "difference -62" in lines[0]
    assert lines[1].startswith(f"{SEED}:42:98: error VQ002 ")
    assert lines[2] == "2 findings (2 errors, 0 warnings, 0 info) in 1 file"
    assert proc.stderr == ""


def test_json_is_the_documented_contract():
    proc, doc = run_json(SEED)
    assert proc.returncode == 1
    jsonschema.validate(doc, findings_schema())
    assert doc["version"] == 1
    (file,) = doc["files"]
    assert file["path"] == str(SEED) and file["error"] is None
    (schedule,) = file["schedules"]
    assert schedule["units"] == "thousands"
    assert [c["role"] for c in schedule["columns"]] == [
        "beginning", "charged_costs", "charged_other", "deductions", "ending"]
    assert [p["label"] for p in schedule["periods"]] == [f"Year ended June 30, {y}" for y in (2001, 2002, 2003)]
    identity, total = file["findings"]
    assert (identity["rule"], identity["check"], identity["severity"]) == ("VQ001", "row_identity", "error")
    assert (total["rule"], total["check"]) == ("VQ002", "column_total")
    for f in (identity, total):
        assert f["location"] == {"line": 42, "column": 98}
        assert (f["actual"], f["expected"], f["difference"]) == (9762, 9824, -62)
        assert f["row"] == "Total" and f["column"] == "ending" and f["period"] == "Year ended June 30, 2003"
    assert doc["summary"] == {"files": 1, "findings": 2, "errors": 2, "warnings": 0, "infos": 0, "unreadable": 0}


def test_json_amounts_are_exact_decimals(tmp_path):
    # Figures in millions with decimals: no float artefacts on the way out.
    text = SEED.read_text().replace("(IN THOUSANDS)", "(IN MILLIONS)")
    text = text.replace("$    7,701  $        4,594", "$    7,700.1  $      4,594.1")
    path = tmp_path / "millions.txt"
    path.write_text(text)
    proc = run("check", "--format", "json", path)
    doc = json.loads(proc.stdout, parse_float=Decimal)
    jsonschema.validate(json.loads(proc.stdout), findings_schema())
    amounts = {str(f["actual"]) for f in doc["files"][0]["findings"]} | {
        str(f["expected"]) for f in doc["files"][0]["findings"]}
    assert "7700.1" in amounts or "4594.1" in amounts
    assert not any("e" in a.lower() or len(a) > 12 for a in amounts)


def test_clean_exhibit_exits_zero(tmp_path):
    proc = run("check", clean_seed(tmp_path))
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.strip().endswith("0 findings (0 errors, 0 warnings, 0 info) in 1 file")


def test_several_files_keep_their_order_and_add_up(tmp_path):
    clean = clean_seed(tmp_path)
    proc, doc = run_json(clean, SEED, clean)
    assert proc.returncode == 1
    assert [f["path"] for f in doc["files"]] == [str(clean), str(SEED), str(clean)]
    assert doc["summary"]["files"] == 3 and doc["summary"]["findings"] == 2


def test_select_ignore_and_fail_on(tmp_path):
    proc, doc = run_json("--select", "VQ002", SEED)
    assert [f["rule"] for f in doc["files"][0]["findings"]] == ["VQ002"]
    proc, doc = run_json("--ignore", "VQ001,VQ002", SEED)
    assert doc["files"][0]["findings"] == [] and proc.returncode == 0
    # Ignoring every rule would check nothing: a usage error, never a clean pass.
    proc = run("check", "--ignore", "VQ,VX", SEED)
    assert proc.returncode == 2 and proc.stdout == "" and "leave no rule to run" in proc.stderr
    proc, doc = run_json("--select", "row-", SEED)  # by name prefix
    assert [f["rule"] for f in doc["files"][0]["findings"]] == ["VQ001"]
    proc = run("check", "--select", "NOPE", SEED)
    assert proc.returncode == 2 and "no rule matches 'NOPE'" in proc.stderr


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("letter.txt", b"Dear shareholders,\nThe year was good.\n", "no Schedule II found"),
        ("empty.txt", b"", "no Schedule II found"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "not a text file"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    proc = run("check", path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0] and message in err[0]
    proc, doc = run_json(path)
    assert proc.returncode == 2
    assert message in doc["files"][0]["error"]["message"]
    assert doc["files"][0]["findings"] == [] and doc["summary"]["unreadable"] == 1


def test_a_missing_path_is_a_usage_error_before_any_work(tmp_path):
    missing = tmp_path / "missing.txt"
    for fmt in ("text", "json"):
        proc = run("check", "--format", fmt, SEED, missing)
        assert proc.returncode == 2 and proc.stdout == ""  # not even the file that exists is checked
        (line,) = proc.stderr.splitlines()
        assert str(missing) in line and "cannot read: No such file or directory" in line


def test_unmappable_heading_names_the_heading(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text(SEED.read_text().replace("DEDUCTIONS", "ZYXWVUTSRQ"))
    proc = run("check", path)
    assert proc.returncode == 2
    assert "'ZYXWVUTSRQ'" in proc.stderr and f"{path}:" in proc.stderr


def test_broken_rules_file_is_exit_2_with_file_and_line(tmp_path):
    rules = tmp_path / "team.yaml"
    rules.write_text("rules:\n  - id: X1\n    check: row_identity\n    severity: fatal\n    message: m\n")
    proc = run("check", "--rules", rules, SEED)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"auditor: {rules}:4:")
    assert "rule 'X1'" in proc.stderr and "severity" in proc.stderr and "Traceback" not in proc.stderr
    rules.write_text("rules: [\n")
    proc = run("check", "--rules", rules, SEED)
    assert proc.returncode == 2 and "not valid YAML" in proc.stderr and str(rules) in proc.stderr


def test_usage_error_is_exit_2():
    proc = run("check")
    assert proc.returncode == 2 and "usage:" in proc.stderr


def test_inputs_are_never_modified(tmp_path):
    before = hashlib.sha256(SEED.read_bytes()).hexdigest()
    for fmt in ("text", "json"):
        run("check", "--format", fmt, SEED)
    run("parse", SEED)
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == before


def test_runs_from_any_directory_with_bundled_rules(tmp_path):
    proc = run("check", SEED.resolve(), cwd=tmp_path)
    assert proc.returncode == 1 and "VQ001" in proc.stdout


def test_parse_shows_what_the_rules_see():
    proc = run("parse", "--format", "json", SEED)
    assert proc.returncode == 0
    doc = json.loads(proc.stdout)
    (schedule,) = doc["schedules"]
    total = schedule["periods"][2]["rows"][3]
    assert total["kind"] == "total"
    assert total["cells"][4] == {"value": 9762, "raw": "9,762", "line": 42, "column": 98,
                                 "end_column": 103, "footnote": None}


def test_a_bug_of_ours_is_still_one_line_and_exit_3(monkeypatch, capsys):
    # Whatever goes wrong inside, the user sees one line naming the file, not a traceback;
    # exit 3 (never 1, which reads as findings; not 2, which blames the input).
    import auditor
    from auditor import cli

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(auditor, "check_source", broken)
    monkeypatch.delenv("AUDITOR_DEBUG", raising=False)
    assert cli.main(["check", "--no-cache", str(SEED)]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(SEED) in err[0] and "internal error" in err[0] and "KeyError" in err[0]
    assert "please report it" in err[0]
