"""Schedule II inside a whole inline XBRL 10-K as filing agents' software writes it
(ixbrl_habits THIRTEENTH: the cover page's dei facts and check boxes, a table of contents
and an index naming Schedule II and its page, statements tagged with no member, a statement
of stockholders' equity rolling its balances forward, a warranty note's roll-forward, the
exhibit index, the signatures; GoFiler, Broadridge and newer Toppan markup).  The tagged pages
run in test_ixbrl_habits; here the same 10-Ks printed without their tags (an HTML 10-K of
those writers), and without their schedule (a 10-K whose schedules are omitted)."""

import json
import re

import pytest

import auditor
from auditor import source
from conftest import SHARED
from expect import expected_errors, printed_html_cells, read_cells, reported_errors
from ixbrl_habits import EDITS, Doc
from render_html import SENTINEL, place_sentinels
from test_html_era_markup import planted

RULES = auditor.load_rules()
TABLES = sorted((SHARED / "real-tables").glob("*.json"))
TAGS = re.compile(r"</?ix:(?:nonFraction|nonNumeric|continuation|exclude)\b[^>]*>")
HEADER = re.compile(r'<div style="display:none"><ix:header>.*?</ix:header></div>', re.S)
WHOLE = ("whole-10k-f-pages-gofiler", "whole-10k-f-pages-broadridge", "whole-10k-f-pages-heading-runs",
         "whole-10k-f-pages-gofiler-split", "whole-10k-f-pages-toppan-divs", "whole-10k-after-exhibits-index",
         "whole-10k-f-pages-label-dollar")


def _doc(spec: dict, variation: str) -> Doc:
    doc = Doc(spec, frozenset({variation}))
    doc.tag()
    EDITS[variation](doc)
    return doc


@pytest.mark.parametrize("variation", WHOLE)
def test_a_whole_10k_printed_untagged_gives_exactly_its_schedules_failures(variation):
    wrong = []
    for n, path in enumerate(TABLES):
        spec = json.loads(path.read_text())
        printed = planted(spec) if n % 3 == 0 else spec
        doc = _doc(printed, variation)
        doc.rendered.text = TAGS.sub("", HEADER.sub("", doc.text))
        placed = place_sentinels(doc.rendered)
        result = auditor.check_source(source.from_text(placed.text, "t.htm"), RULES)
        if result.error is not None:
            wrong.append((path.stem, str(result.error)[:200]))
            continue
        got, want = reported_errors(result), expected_errors(printed, placed)
        if got != want or read_cells(result.schedules) != printed_html_cells(placed):
            wrong.append((path.stem, sorted(got - want)[:2], sorted(want - got)[:2]))
    assert wrong == []


@pytest.mark.parametrize("variation", ("whole-10k-f-pages-plain", "whole-10k-f-pages-gofiler",
                                       "whole-10k-f-pages-broadridge"))
def test_a_whole_10k_without_its_schedule_says_so_and_finds_nothing(variation):
    """Its statements, equity roll-forward, warranty note, index and exhibit list are no schedule."""
    for path in TABLES[::4]:
        doc = _doc(json.loads(path.read_text()), variation)
        start = doc.text.index('<ix:nonNumeric name="srt:ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock"')
        end = doc.text.index("</ix:nonNumeric>\n", doc.text.index("</table>", start)) + len("</ix:nonNumeric>\n")
        text = (doc.text[:start] + doc.text[end:]).replace(SENTINEL, "")
        result = auditor.check_source(source.from_text(text, "t.htm"), RULES)
        assert result.error is not None and "no Schedule II found" in str(result.error), path.stem
        assert result.findings == [] and result.schedules == [], path.stem
