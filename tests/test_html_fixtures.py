"""The HTML fixture corpus (tests/fixtures/html): exhibits printed the ways
EDGAR HTML prints Schedule II, each beside the findings it must produce,
worked out from its own figures (tests/fixtures/html/_make.py, expect.py),
not from the tool's output.  Exactly those: no more, no fewer, same cells."""

import pytest
import yaml

import auditor
from conftest import FIXTURES

HTML = FIXTURES / "html"


def _expected(path):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return sorted((f["check"], f["severity"], f["line"], f["column"]) for f in doc["findings"] or [])


CASES = sorted(HTML.glob("*.expected.yaml"))


def test_the_corpus_has_its_conventions_and_both_kinds_of_exhibit():
    exhibits = {p.stem for p in HTML.glob("*.htm")}
    assert exhibits == {p.name[: -len(".expected.yaml")] for p in CASES}
    assert len(exhibits) >= 20
    clean = [p for p in CASES if not _expected(p)]
    assert 5 <= len(clean) < len(CASES)
    texts = [p.read_bytes() for p in HTML.glob("*.htm")]
    for needle in (b"ix:nonFraction", b'sign="-"', b"page-break", b"&#151;", b"&mdash;", b"<sup>", b"\r\n", b"\x97"):
        assert any(needle in t for t in texts), needle


@pytest.mark.parametrize("expected_path", CASES, ids=lambda p: p.name[: -len(".expected.yaml")])
def test_html_fixture_yields_exactly_its_expected_findings(expected_path):
    exhibit = expected_path.with_name(expected_path.name.replace(".expected.yaml", ".htm"))
    result = auditor.check_file(str(exhibit))  # the front end picked by content
    assert result.error is None, str(result.error)
    assert result.schedules, "no schedule read"
    got = sorted((f.check, f.severity, f.location.line, f.location.column) for f in result.findings)
    assert got == _expected(expected_path)
