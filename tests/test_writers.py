"""The writers' registry: every format the command line offers is a
registered writer that implements the one interface, and a format is added
by one module and one registration, nothing else."""

import inspect
import io
import subprocess
import sys

import pytest

import auditor
from auditor import cli, output
from auditor.output import ReportOptions, Writer, formats, register, writer_class
from conftest import SEED


def _format_choices() -> tuple:
    parser = cli._parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    (fmt,) = [a for a in commands.choices["check"]._actions if a.dest == "format"]
    return tuple(fmt.choices)


def test_the_command_line_offers_exactly_the_registered_formats():
    assert _format_choices() == formats() == ("text", "json", "jsonl", "sarif", "github", "html")


class _Out:
    def __init__(self):
        self.stream = io.StringIO()

    def write(self, text):
        self.stream.write(text)


@pytest.mark.parametrize("name", formats())
def test_each_registered_writer_imports_and_implements_the_interface(name):
    cls = writer_class(name)
    assert cls.__module__ == output.WRITERS[name].partition(":")[0] == f"auditor.output.{name}"
    assert list(inspect.signature(cls).parameters) == ["out", "options"]
    assert list(inspect.signature(cls.file).parameters) == ["self", "result"]
    assert list(inspect.signature(cls.end).parameters) == ["self", "totals"]
    made = output.writer(name, _Out(), ReportOptions(auditor.load_rules()))
    assert isinstance(made, Writer) and type(made) is cls


def test_a_format_is_imported_only_when_it_is_used(tmp_path):
    script = ("import sys\nfrom auditor import cli\nstatus = cli.main(sys.argv[1:])\n"
              "sys.stderr.write(' '.join(sorted(sys.modules)))\n"
              "sys.exit(status)\n")
    proc = subprocess.run([sys.executable, "-c", script, "check", "--format", "jsonl", "--no-cache", "-q", str(SEED)],
                          capture_output=True, text=True, cwd=tmp_path)
    imported = proc.stderr.split()
    assert proc.returncode == 1 and "auditor.output.jsonl" in imported
    for other in ("sarif", "html", "github", "text", "tableview"):
        assert f"auditor.output.{other}" not in imported, other
    assert "concurrent.futures" not in imported  # (one file: no pool, nor its start-up cost)


WRITER = '''
from auditor.output.document import json_text


class CountsWriter:
    """One line per file: its path and its number of findings; the number of files at the end."""

    def __init__(self, out, options):
        self.out = out

    def file(self, result):
        self.out.write(f"{result.path}\\t{len(result.findings)}\\n")

    def end(self, totals):
        self.out.write(json_text(totals.summary(), indent=None) + "\\n")
'''


def test_a_new_format_is_one_module_and_one_registration(tmp_path, monkeypatch, capsys):
    (tmp_path / "counts_format.py").write_text(WRITER)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(output, "WRITERS", dict(output.WRITERS))
    register("counts", "counts_format:CountsWriter")
    assert "counts" in _format_choices()
    status = cli.main(["check", str(SEED), "--format", "counts", "--no-cache", "-j", "1", "-q"])
    out, err = capsys.readouterr()
    assert status == 1 and err == ""
    assert out.splitlines() == [f"{SEED}\t2", '{"files": 1, "findings": 2, "errors": 2, "warnings": 0, '
                                             '"infos": 0, "unreadable": 0}']


def test_a_writer_is_named_module_colon_class():
    with pytest.raises(ValueError):
        register("broken", "auditor.output.json.JsonWriter")
    assert "broken" not in formats()
