"""Golden outputs: what `auditor check` prints, as JSON and as plain text, and
its exit status, for every fixture, every real filing of ../shared/filings and
every real table of ../shared/real-tables in every layout the real-table tests
render.  Recorded before the stages were restructured, so that no change of
structure changes what is reported unnoticed.

A change that alters an output on purpose regenerates the goldens:

    AUDITOR_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py

and names each changed golden, and why, in its commit message.
"""

import json
import os
from pathlib import Path

import pytest

from auditor import cli
from conftest import FIXTURES, ROOT, SHARED
from render import render as render_text
from render_html import render as render_html
from test_html_real_tables import STYLES
from test_real_tables import LAYOUTS, applicable

GOLDEN = ROOT / "tests" / "golden"
UPDATE = bool(os.environ.get("AUDITOR_UPDATE_GOLDEN"))


def _fixture_cases():
    for pattern in ("*.txt", "html/*.htm", "xbrl/*.htm", "submissions/*.txt"):
        for path in sorted(FIXTURES.glob(pattern)):
            yield pytest.param(path.relative_to(ROOT).as_posix(), id=path.relative_to(FIXTURES).as_posix())


def _filings():
    root = SHARED / "filings"
    if not root.is_dir():
        return []
    docs = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        doc = next((f for f in sorted(folder.iterdir()) if f.suffix not in (".json", ".md")), None)
        if doc is not None:
            docs.append(pytest.param(folder.name, doc, id=folder.name))
    return docs


def _real_tables():
    root = SHARED / "real-tables"
    return sorted(p.stem for p in root.glob("*.json")) if root.is_dir() else []


def _outputs(capsys, path: str, *options) -> dict:
    """The JSON document, the text report and the exit status of one check, as a user sees them."""
    outputs = {}
    for fmt in ("json", "text"):
        # --no-cache: the real filings are checked in ../shared's own folders, which no test writes to.
        argv = ["check", path, "--format", fmt, "--no-cache", *options] + (["--no-show-table"] if fmt == "text" else [])
        status = cli.main(argv)
        out, err = capsys.readouterr()
        outputs[fmt] = {"exit": status, "stdout": json.loads(out) if fmt == "json" and out.strip() else out.splitlines(),
                        "stderr": err.splitlines()}
    return outputs


def _compare(outputs: dict, golden: Path):
    """`outputs` maps each case (a layout, or "check" for a file as it is) to its outputs."""
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(outputs, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        return
    if not golden.exists():
        pytest.fail(f"no golden output {golden.relative_to(ROOT)}: record it with AUDITOR_UPDATE_GOLDEN=1")
    recorded = json.loads(golden.read_text(encoding="utf-8"))
    assert sorted(outputs) == sorted(recorded), f"cases differ from {golden.relative_to(ROOT)}"
    for case, got in outputs.items():
        for fmt in ("json", "text"):
            assert got[fmt] == recorded[case][fmt], f"{case}: {fmt} output differs from {golden.relative_to(ROOT)}"


def _golden_name(relative: str) -> str:
    return relative.replace("/", "__") + ".json"


@pytest.mark.parametrize("relative", list(_fixture_cases()))
def test_fixture_output_is_unchanged(capsys, monkeypatch, relative):
    monkeypatch.chdir(ROOT)
    _compare({"check": _outputs(capsys, relative)}, GOLDEN / "fixtures" / _golden_name(relative.removeprefix("tests/fixtures/")))


@pytest.mark.parametrize("name,doc", _filings())
def test_real_filing_output_is_unchanged(capsys, monkeypatch, shared, name, doc):
    monkeypatch.chdir(doc.parent)
    _compare({"check": _outputs(capsys, doc.name)}, GOLDEN / "filings" / f"{name}.json")


@pytest.mark.parametrize("table", _real_tables())
def test_real_table_text_layouts_output_is_unchanged(capsys, monkeypatch, shared, tmp_path, table):
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    outputs = {}
    for layout_name, layout in LAYOUTS.items():
        Path("exhibit.txt").write_text(render_text(spec, applicable(spec, layout)).text, encoding="utf-8")
        outputs[layout_name] = _outputs(capsys, "exhibit.txt")
    _compare(outputs, GOLDEN / "real-text" / f"{table}.json")


@pytest.mark.parametrize("table", _real_tables())
def test_real_table_html_styles_output_is_unchanged(capsys, monkeypatch, shared, tmp_path, table):
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    outputs = {}
    for style_name, style in STYLES.items():
        Path("exhibit.htm").write_text(render_html(spec, style).text, encoding="utf-8")
        outputs[style_name] = _outputs(capsys, "exhibit.htm", "--input-format", "html")
    _compare(outputs, GOLDEN / "real-html" / f"{table}.json")
