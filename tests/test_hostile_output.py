"""A filing's control and format characters in every report (issue 16, s35 items 3 and 4).

A row label carrying a right-to-left override (U+202E), an escape sequence
and a C1 control reaches each writer.  The text report escaped them already
(errors.shown); the HTML page and every JSON writer (check's json, jsonl
and sarif, a corpus's spooled document, parse, the baseline file) now do the
same by the same policy: a terminal or a pager shows the label in order, a
JSON reader gets the very label back (JSON's \\uXXXX escapes), and other
non-ASCII text (an accented letter, a dash) stays as it is.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

import hostile_nets as nets
from auditor.errors import json_shown, shown
from conftest import SEED

HOSTILE = "for \u202edoubtful\x1b[31m \x85accounts\u00e9\u2014"
PLAIN_LABEL = "Allowance for doubtful accounts            $    1,466"


def unshown(text: str) -> list[str]:
    """The characters a terminal would act on or reorder (lines and tabs apart)."""
    return [hex(ord(c)) for c in text if c not in "\n\t" and unicodedata.category(c) in
            ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")]


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # (no result cache beside the sources)
    text = SEED.read_text(encoding="utf-8")
    assert PLAIN_LABEL in text
    (tmp_path / "bidi.txt").write_text(text.replace(PLAIN_LABEL, f"Allowance {HOSTILE}  $    1,466", 1),
                                       encoding="utf-8")
    return tmp_path


def strings(doc: object) -> list[object]:
    """Every value of a JSON document, flattened."""
    if isinstance(doc, dict):
        return [s for v in doc.values() for s in strings(v)]
    if isinstance(doc, list):
        return [s for v in doc for s in strings(v)]
    return [doc]


def labels(doc: object) -> list[str]:
    """Every string of a JSON document that holds the hostile label's words."""
    return [s for s in strings(doc) if isinstance(s, str) and "doubtful" in s and "\u202e" in s]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "html", "text", "github"])
def test_no_report_writes_a_filings_control_characters(here, fmt):
    outcome = nets.run_cli("check", "--no-cache", "--format", fmt, "bidi.txt")
    assert outcome.code == 1 and not outcome.stderr, outcome  # (the seed's two errors are found still)
    assert not unshown(outcome.stdout), fmt
    if fmt == "html":
        assert "Allowance for \\u202edoubtful\\x1b[31m \\x85accounts\u00e9\u2014" in outcome.stdout
    if fmt == "json":
        assert "\\u202edoubtful" in outcome.stdout and "\u00e9\u2014" in outcome.stdout  # (others kept as they are)
        assert any(HOSTILE in s for s in labels(json.loads(outcome.stdout)))  # read back: the very label


def test_parse_corpus_and_baseline_json_escape_them_too(here):
    parsed = nets.run_cli("parse", "--format", "json", "bidi.txt")
    assert parsed.code == 0 and not unshown(parsed.stdout)
    assert any(HOSTILE in s for s in labels(json.loads(parsed.stdout)))
    (here / "d").mkdir()
    (here / "d" / "a.txt").write_bytes((here / "bidi.txt").read_bytes())
    (here / "d" / "b.txt").write_bytes(SEED.read_bytes())
    corpus = nets.run_cli("check", "--no-cache", "--format", "json", "d")  # (a corpus: the spooled document)
    assert corpus.code == 1 and not unshown(corpus.stdout)
    assert len(json.loads(corpus.stdout)["files"]) == 2
    written = nets.run_cli("check", "--no-cache", "bidi.txt", "--write-baseline", "base.json")
    assert written.code == 0, written
    baseline = (here / "base.json").read_text(encoding="utf-8")
    assert not unshown(baseline)
    assert nets.run_cli("check", "--no-cache", "bidi.txt", "--baseline", "base.json").code == 0  # still matches


def test_json_shown_escapes_what_shown_escapes_and_nothing_else():
    text = "x\u202ey\u00e9\u2014\x7f\x85\ue000\U000e0001\U0010fffd\ud800 z\u00a0"
    written = json_shown(json.dumps({"a": text}, ensure_ascii=False))
    assert json.loads(written) == {"a": text}
    assert written == '{"a": "x\\u202ey\u00e9\u2014\\u007f\\u0085\\ue000\\udb40\\udc01\\udbff\\udffd\\ud800 z\u00a0"}'
    assert not unshown(written)
    kept = [c for c in text if shown(c) == c]
    assert all(c in written for c in kept)  # (one policy: what the text report keeps, JSON keeps)
    assert json_shown('{"a": 1}') == '{"a": 1}'


def test_the_seeds_json_report_is_unchanged_by_it(here):
    # (an ordinary filing has no such character: the report is byte for byte what json.dumps writes)
    outcome = nets.run_cli("check", "--no-cache", "--format", "json", SEED)
    assert json_shown(outcome.stdout) == outcome.stdout
    assert Path(SEED).read_text(encoding="utf-8").isascii()


# A private-use character is the JSON writers' own marker for a Decimal
# (output.document._MARK): a filing's label that is exactly that marker around
# digits was written as a JSON number (s35 review).  Text and HTML, check's
# json, parse's json and a corpus's spooled document.
MARKED_LABEL = "\ue000987654\ue000"
TEXT_LABEL = "Allowance for doubtful accounts            $    1,466"
HTML_LABEL = '<font size="2" face="Times New Roman">Allowance for doubtful accounts</font>'
HTML = Path(__file__).parent / "fixtures" / "html" / "acme-tools-2004-clean.htm"


@pytest.fixture
def marked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = SEED.read_text(encoding="utf-8")
    assert TEXT_LABEL in text
    padded = MARKED_LABEL.ljust(len(TEXT_LABEL) - len("$    1,466")) + "$    1,466"
    (tmp_path / "marked.txt").write_text(text.replace(TEXT_LABEL, padded, 1), encoding="utf-8")
    page = HTML.read_text(encoding="utf-8")
    assert HTML_LABEL in page
    (tmp_path / "marked.htm").write_text(page.replace(HTML_LABEL, HTML_LABEL.replace(
        "Allowance for doubtful accounts", MARKED_LABEL), 1), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command, name", [(("check", "--no-cache", "--format", "json"), "marked.txt"),
                                           (("parse", "--format", "json"), "marked.txt"),
                                           (("parse", "--format", "json"), "marked.htm")])
def test_a_label_that_is_the_json_writers_marker_around_digits_stays_a_string(marked, command, name):
    # (check's json shows a schedule's rows where it has a finding: the text one has the seed's two)
    outcome = nets.run_cli(*command, name)
    assert not outcome.stderr, outcome
    values = strings(json.loads(outcome.stdout))
    assert MARKED_LABEL in values  # (read back: the very label, a string)
    assert 987654 not in values and not unshown(outcome.stdout)


def test_a_corpus_spool_keeps_that_label_a_string_too(marked):
    (marked / "d").mkdir()
    for name in ("marked.txt", "marked.htm"):
        (marked / "d" / name).write_bytes((marked / name).read_bytes())
    corpus = nets.run_cli("check", "--no-cache", "--format", "json", "d")
    assert len(json.loads(corpus.stdout)["files"]) == 2
    assert strings(json.loads(corpus.stdout)).count(MARKED_LABEL) >= 1 and not unshown(corpus.stdout)


def test_json_text_puts_a_filings_marker_back_as_it_was():
    from decimal import Decimal

    from auditor.output.document import json_text

    doc = {"a": MARKED_LABEL, "b": [Decimal("-1.50"), "\ue000-1.5\ue000", "x\ue000!\ue000y"],
           MARKED_LABEL: Decimal("3"), "c": ("\ue000\ue000", Decimal("0"))}
    written = json_text(doc)
    assert json.loads(written, parse_float=Decimal) == {
        "a": MARKED_LABEL, "b": [Decimal("-1.50"), "\ue000-1.5\ue000", "x\ue000!\ue000y"],
        MARKED_LABEL: 3, "c": ["\ue000\ue000", 0]}
    assert json_text({"a": Decimal("2.5")}, indent=None) == '{"a": 2.5}'
