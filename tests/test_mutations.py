"""Damaged exhibits: lines lost, files cut off, stray characters, tags and
figures typed in, in text and HTML.  Whatever the damage, the checker either
reads a schedule or says in one line what it cannot read, naming the file;
it never fails with an exception of its own, in any stage or writer.

In process, not through the console script, so that many damaged files run
in seconds; the CLI's own catch-all for internal errors would hide exactly
what this looks for."""

import io
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import auditor
from auditor.output import describe, json as json_report, sarif, text as text_report
from auditor import diagnose, source
from auditor.ruleset import rules
from auditor.errors import InputError
from conftest import FIXTURES

RULES = rules.load()
EXHIBITS = [
    FIXTURES / "lantronix-2003.txt",
    FIXTURES / "northwind-instruments-1999-table-per-account.txt",
    FIXTURES / "evergreen-pharma-2003-additions-span.txt",
    FIXTURES / "html" / "juniper-foods-2002-footnote-cells.htm",
    FIXTURES / "html" / "raven-media-2017-ixbrl-page-break.htm",
    FIXTURES / "html" / "xenon-controls-2002-table-per-account-carry-break.htm",
    FIXTURES / "submissions" / "harborview-electronics-2004-html-10k-text-ex99.txt",
]
TEXTS = {p.name: p.read_bytes() for p in EXHIBITS}

# What filings and their damage are made of.
PIECES = ["\n", "\t", "  ", "$", "(", ")", "-", "--", "\x97", "\u2014", ",", "0", "1,234", "(56)", "2003",
          "<TABLE>", "</TABLE>", "<S>", "<C>", "<PAGE>", "<CAPTION>", "(1)", "*", "Total", "Balance at",
          "VALUATION AND QUALIFYING ACCOUNTS", "Year ended December 31, 2002:", "----------", "=====",
          "<td>", "</td>", "<tr>", "</tr>", "<table>", "</table>", "&nbsp;", "&#151;", "<sup>(a)</sup>",
          "\r\n", "\f", "\x00", "\xff", "é"]


@st.composite
def damaged(draw):
    name = draw(st.sampled_from(sorted(TEXTS)))
    data = bytearray(TEXTS[name])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["cut", "delete", "insert", "duplicate", "replace"]))
        if kind == "cut":
            del data[at:]
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 400))]
        elif kind == "insert":
            piece = draw(st.sampled_from(PIECES)) * draw(st.integers(1, 3))
            data[at:at] = piece.encode(draw(st.sampled_from(["utf-8", "latin-1"])), "replace")
        elif kind == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 300))]
        else:
            end = min(len(data), at + draw(st.integers(1, 40)))
            data[at:end] = bytes(draw(st.integers(32, 126)) for _ in range(end - at))
    return name, bytes(data)


# Cheap per example, so more of them than the profile's default (the long profile runs more still).
@settings(max_examples=max(150, settings.default.max_examples), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=damaged())
def test_damage_is_read_or_refused_in_one_line_never_a_crash(case):
    name, data = case
    try:
        text, encoding = source.decode(data, name)
    except InputError as exc:
        assert exc.path == name and "\n" not in exc.message
        return
    result = auditor.check_source(source.from_text(text, name, encoding), RULES)
    if result.error is not None:
        assert result.error.path == name and "\n" not in result.error.message and result.error.message
        assert not result.findings and not result.schedules  # never half a file
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if result.error.line is not None:
            assert 1 <= result.error.line <= len(lines)
        return
    assert result.schedules
    for f in result.findings:  # every finding points into the file
        assert 1 <= f.location.line <= len(text.splitlines()) + 1
    result.diagnosis = diagnose.result(result, RULES)
    json.loads(json_report.dumps([result]))
    json.loads(sarif.dumps([result], RULES))
    text_report.write_text([result], io.StringIO(), color=False, table=True)
    json.loads(describe.dumps(result.schedules))  # `auditor parse`
    describe.text(result.schedules)


# --- damaged rules files ------------------------------------------------------

DOCS = FIXTURES.parent.parent / "docs" / "rules.md"
RULES_TEXTS = [rules.default_path(), *re.findall(r"```yaml\n(# cookbook: .*?)```", DOCS.read_text(), re.S)]
RULES_TEXTS = [Path(t).read_text() if isinstance(t, Path) else t for t in RULES_TEXTS]
RULE_PIECES = ["\n", "  ", "- ", ": ", "id: ", "check: ", "formula: ", "severity: ", "{", "}", "[", "]", "'", '"',
               "&a", "*a", "!!python/object:os.system", "ending", "beginning", "sum(", ")", "==", ">=", "prev.",
               "parts.", "and", "or", "not", "1e9", "0.5", "-", "VQ001", "extends: default", "\t", "%", "$"]


@st.composite
def damaged_rules(draw):
    text = draw(st.sampled_from(RULES_TEXTS))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 60)) :]
        elif kind == "insert":
            text = text[:at] + draw(st.sampled_from(RULE_PIECES)) + text[at:]
        else:
            text = text[:at] + text[at : at + draw(st.integers(1, 120))] + text[at:]
    return text


@settings(max_examples=max(150, settings.default.max_examples), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=damaged_rules())
def test_a_damaged_rules_file_loads_or_is_refused_with_its_line(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("rules") / "team.yaml"
    path.write_text(text)
    try:
        ruleset = rules.load(str(path))
    except InputError as exc:
        first = str(exc).splitlines()[0]
        assert first.startswith(str(path)) and first[len(str(path)):].startswith((":", ": ")), first
        return
    result = auditor.check_source(source.from_text(TEXTS["lantronix-2003.txt"].decode(), "seed.txt"), ruleset)
    if result.error is None:
        result.diagnosis = diagnose.result(result, ruleset)
        json.loads(json_report.dumps([result]))
        json.loads(sarif.dumps([result], ruleset))
