"""The report formats through the console script: json with the diagnosis,
jsonl, GitHub annotations, --output written atomically, the table view and
per-rule counts.  Every JSON is validated against the shipped schema."""

import json
import os
from decimal import Decimal
from importlib import resources

import jsonschema
import pytest

from auditor import cli
from auditor.output import github
from auditor.output.files import write_file
from auditor.errors import InputError
from conftest import FIXTURES, ROOT, SEED, run, run_json

RELATIVE_SEED = SEED.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def schema():
    return json.loads(resources.files("auditor").joinpath("schemas/findings.schema.json").read_text())


def streamed(schema, line="streamed_finding"):
    """The schema of one jsonl line, resolved against the whole document schema."""
    return {**schema, "$ref": f"#/$defs/{line}", "required": [], "properties": {}, "type": "object"}


def clean(tmp_path, name="clean.txt"):
    path = tmp_path / name
    path.write_text(SEED.read_text().replace("$ 9,762", "$ 9,824"))
    return path


def test_json_carries_the_suggestion(schema):
    proc, doc = run_json(SEED)
    assert proc.returncode == 1
    jsonschema.validate(doc, schema)
    exact = json.loads(proc.stdout, parse_float=Decimal)
    for f in exact["files"][0]["findings"]:
        s = f["suggestion"]
        assert s["location"] == {"line": 42, "column": 98}
        assert (s["row"], s["period"], s["column"]) == ("Total", "Year ended June 30, 2003", "ending")
        assert s["value"] == 9824 and isinstance(s["value"], int)
        assert s["confidence"] == "high" and s["printed"] == "9,762"
        assert "candidates" not in f
    assert "suppressed" not in doc["summary"]  # only with --baseline


def test_json_lists_candidates_when_several_figures_explain(schema, tmp_path):
    lines = SEED.read_text().split("\n")[:25] + ["</TABLE>"]  # 2001 only: no Total, no next period
    lines[23] = lines[23].replace("562", "565")
    path = tmp_path / "one-period.txt"
    path.write_text("\n".join(lines))
    proc, doc = run_json(path)
    jsonschema.validate(doc, schema)
    cut, f = doc["files"][0]["findings"]  # (the file is the seed cut after its first period: VQ008 says so)
    assert cut["rule"] == "VQ008" and cut["severity"] == "warning"
    assert f["suggestion"] is None
    assert [c["location"]["column"] for c in f["candidates"]] == [51, 68, 80, 92, 100]
    assert {c["confidence"] for c in f["candidates"]} == {"low"}


def test_jsonl_is_a_line_per_finding_then_a_line_per_file(schema, tmp_path):
    other = clean(tmp_path)
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear shareholders,\nThe year was good.\n")
    proc = run("check", "--format", "jsonl", SEED, other, letter, SEED)
    assert proc.returncode == 2  # the letter has no schedule
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    for record in records:
        jsonschema.validate(record, streamed(schema, "streamed_line"))
    assert [(r["type"], r.get("rule") or r["status"]) for r in records] == [
        ("finding", "VQ001"), ("finding", "VQ002"), ("file", "findings"),
        ("file", "clean"), ("file", "no-schedule"),
        ("finding", "VQ001"), ("finding", "VQ002"), ("file", "findings")]
    for r in records:
        if r["type"] == "finding":
            jsonschema.validate(r, streamed(schema))
            assert r["path"] == str(SEED) and r["suggestion"]["value"] == 9824
    assert [r["path"] for r in records if r["type"] == "file"] == [str(SEED), str(other), str(letter), str(SEED)]
    assert records[2] | {"path": None} == {"type": "file", "path": None, "status": "findings", "error": None,
                                           "schedules": 1, "findings": 2, "errors": 2, "warnings": 0, "infos": 0}
    assert "no Schedule II found" in records[4]["error"]["message"]


def test_jsonl_schema_refuses_a_line_without_path_or_type(schema):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"rule": "VQ001"}, streamed(schema))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"type": "file", "path": "a.txt", "status": "done", "error": None, "findings": 0},
                            streamed(schema, "streamed_line"))


def test_github_annotations(tmp_path):
    proc = run("check", "--format", "github", RELATIVE_SEED, cwd=ROOT)
    assert proc.returncode == 1
    identity, total = proc.stdout.splitlines()
    prefix = f"::error file={RELATIVE_SEED},line=42,col=98,endColumn=103,title=VQ001::"
    assert identity.startswith(prefix)
    assert "%0ASuggestion: 2003 Total, balance at end: printed 9,762" in identity
    assert total.startswith(f"::error file={RELATIVE_SEED},line=42,col=98,endColumn=103,title=VQ002::")


def test_github_escapes_and_levels():
    from auditor.model import Finding, Position

    f = Finding("X1", "sign", "info", "50% off\nnext", "p", "r", "ending", None, None, None, Position(3, 4))

    class Result:
        path, error, schedules, findings, diagnosis = "a,b:c.txt", None, [], [f], None

    (line,) = github.github([Result()]).splitlines()
    assert line == "::notice file=a%2Cb%3Ac.txt,line=3,col=4,title=X1::50%25 off%0Anext"


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github"])
def test_output_file_gets_the_whole_report_and_stdout_nothing(tmp_path, fmt):
    out = tmp_path / "report.out"
    out.write_text("an old report, to be replaced whole")
    proc = run("check", "--format", fmt, "--output", out, SEED)
    assert proc.returncode == 1 and proc.stdout == "" and proc.stderr == ""
    same = run("check", "--format", fmt, SEED)
    assert out.read_text() == same.stdout
    assert os.listdir(tmp_path) == ["report.out"]  # no temporary file left behind


def test_output_to_an_unwritable_place_is_one_line_and_exit_2(tmp_path):
    target = tmp_path / "missing" / "report.json"
    proc = run("check", "--format", "json", "--output", target, SEED)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and str(target) in proc.stderr and "Traceback" not in proc.stderr
    assert not target.parent.exists()


def test_a_failed_write_leaves_the_old_report_and_no_temporary(tmp_path, monkeypatch):
    out = tmp_path / "report.json"
    out.write_text("old")
    with pytest.raises(UnicodeEncodeError):  # fails part way through writing
        write_file(str(out), "{" * 100_000 + "\ud800")
    assert out.read_text() == "old" and os.listdir(tmp_path) == ["report.json"]

    def no_rename(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(InputError, match="No space left on device"):  # one line for the CLI, not a traceback
        write_file(str(out), "new")
    assert out.read_text() == "old" and os.listdir(tmp_path) == ["report.json"]


def test_table_view_shows_the_failing_cell_and_the_suggested_value(tmp_path):
    proc = run("check", "--show-table", SEED)
    assert proc.returncode == 1
    table, _, findings = proc.stdout.partition(f"{SEED}:42:98: error VQ001")
    assert "9,762* -> 9,824" in table
    assert table.count("Year ended June 30, 200") == 3  # the periods, as sections
    for label in ("Allowance for doubtful accounts", "Warranty reserve", "Total"):
        assert label in table
    assert table.count("*") == 2  # the one flagged cell, and the legend
    assert "VQ002" in findings


def test_table_view_is_off_by_default_when_piped_and_for_clean_schedules(tmp_path):
    assert "┃" not in run("check", SEED).stdout
    assert "┃" not in run("check", "--show-table", clean(tmp_path)).stdout


def test_summary_counts_per_rule_across_files(tmp_path):
    mutated = tmp_path / "mutated.txt"
    mutated.write_text(SEED.read_text().replace("   1,989 ", "   1,998 "))  # 2003 reserve deductions
    proc = run("check", "--summary", SEED, mutated, clean(tmp_path))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    counts = [line.split() for line in lines[:2]]
    assert counts == [
        ["3", "VQ001", "error", "row_identity"],
        ["3", "VQ002", "error", "column_total"],
    ]
    assert lines[2] == "files: 1 clean, 2 findings, 0 no-schedule, 0 unreadable"
    # The files with the largest differences, largest first, in dollars (the schedule is in thousands).
    assert lines[3] == "largest differences (2 of 2 files with findings):"
    # Equal differences: in the order the files were given.
    assert lines[4] == f"  {SEED}:42:98: VQ001 Total, Year ended June 30, 2003: difference -62 (thousands)"
    assert lines[5] == f"  {mutated}:42:98: VQ001 Total, Year ended June 30, 2003: difference -62 (thousands)"
    assert lines[-1] == "6 findings (6 errors, 0 warnings, 0 info) in 3 files"


def test_summary_is_for_text_only():
    proc = run("check", "--summary", "--format", "json", SEED)
    assert proc.returncode == 2 and proc.stdout == "" and proc.stderr.count("\n") == 1


def test_github_error_at_one_character_has_its_column(tmp_path):
    lines = SEED.read_text().splitlines()
    lines[37] += "   (see Note 4)"
    noted = tmp_path / "noted.txt"
    noted.write_text("\n".join(lines) + "\n")
    proc = run("check", "--format", "github", noted, cwd=tmp_path)
    assert proc.returncode == 2
    (line,) = [ln for ln in proc.stdout.splitlines() if ln.startswith("::error")]
    assert line.startswith(f"::error file=noted.txt,line=38,col={lines[37].index('(see') + 1},title=auditor::unexpected")


CORPUS = sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "html").glob("*.htm"))


@pytest.mark.parametrize("exhibit", CORPUS, ids=lambda p: p.name)
def test_every_fixture_goes_through_every_writer(exhibit, schema, capsys):
    # In process (cli.main), so that a writer's exception is not hidden: the
    # diagnosis of candidate pairs once crashed the JSON, SARIF and text
    # writers on the table-per-account fixture.
    outputs = {}
    for fmt in ("json", "jsonl", "sarif", "github", "text"):
        extra = ["--show-table"] if fmt == "text" else []
        status = cli.main(["check", "--format", fmt, *extra, str(exhibit)])
        outputs[fmt] = capsys.readouterr().out
        assert status in (0, 1), (fmt, status)
    doc = json.loads(outputs["json"])
    jsonschema.validate(doc, schema)
    findings = doc["files"][0]["findings"]
    assert doc["files"][0]["error"] is None and doc["files"][0]["schedules"]
    assert len(json.loads(outputs["sarif"])["runs"][0]["results"]) == len(findings)
    lines = [json.loads(ln) for ln in outputs["jsonl"].splitlines() if ln]
    assert [r["type"] for r in lines] == ["finding"] * len(findings) + ["file"]
    assert outputs["github"].count("title=VQ") == len(findings)
    for f in findings:
        assert f"{exhibit}:{f['location']['line']}:{f['location']['column']}: {f['severity']} {f['rule']}" in outputs["text"]


@pytest.mark.parametrize("flags, told", [
    (["--show-table", "--format", "json"], "--show-table goes with --format text"),
    (["--no-show-table", "--format", "sarif"], "--no-show-table goes with --format text"),
    (["--summary", "--format", "html"], "--summary goes with --format text"),
    (["--write-baseline", "b.json", "--format", "json"], "--write-baseline writes no report: --format"),
    (["--write-baseline", "b.json", "--output", "r.txt"], "--write-baseline writes no report: --output"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler goes with --engine dask"),
    (["--cache-dir", "c", "--no-cache"], "--cache-dir and --no-cache"),
    (["--baseline", "missing.json"], "missing.json: cannot read baseline"),
])
def test_flags_the_run_would_ignore_are_usage_errors_before_any_file_is_read(tmp_path, flags, told):
    proc = run("check", *flags, SEED, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    (line,) = proc.stderr.splitlines()
    assert told in line
    assert os.listdir(tmp_path) == []  # no report, baseline or cache begun


def test_a_directory_with_nothing_to_check_is_told_before_the_report_is_begun(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = run("check", "--output", "report.json", "--format", "json", "empty", cwd=tmp_path)
    assert proc.returncode == 2 and "no file to check" in proc.stderr
    assert os.listdir(tmp_path) == ["empty"]
