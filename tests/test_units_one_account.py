"""A schedule of one reserve states its units with the reserve's name, not in its title:
"Allowance for doubtful accounts (in thousands):" or "(Dollars in thousands)" on the
line (the <br>) under it.  Each of the 24 real tables of ../shared/real-tables, cut
to its first account, is printed in the one-account layouts (a caption over a row a
period; the movements as rows under the account's caption; the account as the one
figure column), text and HTML, with the units phrase there: the units must read
back, and every figure as where the title states them.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pytest

import auditor
from auditor import source
from auditor.labels import row_key
from conftest import SHARED
from render import Layout, render as render_text
from render_html import HtmlStyle, render as render_html

RULES = auditor.load_rules()
ROOT = SHARED / "real-tables"
NAMES = sorted(p.stem for p in ROOT.glob("*.json")) if ROOT.is_dir() else []
PHRASES = ("(in {u})", "(Dollars in {u})")


def one_account(spec: dict) -> dict:
    """The spec cut to its first labelled account, in every period that prints it."""
    first = next(r["label"] for p in spec["periods"] for r in p["rows"] if r["cells"] and r["label"].strip()
                 and not r.get("is_total"))
    periods = [dict(p, rows=[r for r in p["rows"] if r["cells"] and row_key(r["label"]) == row_key(first)][:1])
               for p in spec["periods"]]
    return dict(spec, periods=[p for p in periods if p["rows"]])


def _spec(name: str) -> tuple[dict, str]:
    spec = one_account(json.loads((ROOT / f"{name}.json").read_text()))
    unit = spec.get("units", "").split()[0] if spec.get("units") else ""
    if unit not in ("thousands", "millions"):
        pytest.skip(f"{name} is printed in {unit or 'no unit'}: no units phrase to move")
    account = spec["periods"][0]["rows"][0]["label"]
    if UNITS_PHRASE.search(account) or re.search(r"\(\w{1,2}\)\s*$", account):
        pytest.skip(f"{name}'s account {account!r} ends on its units or a note mark already")
    return spec, unit


def _read(text: str, path: str):
    result = auditor.check_source(source.from_text(text, path), RULES)
    assert result.error is None, result.error.message
    (schedule,) = result.schedules
    return schedule, result.findings


UNITS_PHRASE = re.compile(r"\((?:dollars\s+)?in\s+(?:thousands|millions)\)", re.IGNORECASE)


def _figures(schedule) -> list:
    """Each row's label (less a units phrase, which an account named with it keeps) and figures."""
    def label(text: str) -> str:
        return row_key(UNITS_PHRASE.sub("", text))

    return [[(label(row.label), tuple(c.value if c else None for c in row.cells)) for row in p.rows]
            for p in schedule.periods]


# --- text ---------------------------------------------------------------------------------

TEXT = {
    "caption": Layout(by_account=True, period_style="for_year", units_style=""),
    "movements-as-rows": Layout(transposed="years", units_style=""),
    "account-column": Layout(transposed="accounts", units_style=""),
}


def _text_with_units(text: str, layout: str, phrase: str, where: str) -> str:
    lines = text.split("\n")
    if layout == "account-column":  # the one account's heading, the units its last line
        rule = next(i for i, ln in enumerate(lines) if ln.startswith("-") and "---" in ln)
        above = lines[rule - 1]
        start = len(above) - len(above.lstrip())
        if where == "after":
            lines[rule - 1] = above.rstrip() + " " + phrase
        else:
            lines.insert(rule, " " * max(0, start + (len(above.strip()) - len(phrase)) // 2) + phrase)
        return "\n".join(lines)
    # The account's caption: the body's first line, under the <S> <C> line.
    marker = next(i for i, ln in enumerate(lines) if ln.startswith("<S>"))
    i = next(i for i in range(marker + 1, len(lines)) if lines[i].strip())
    if where == "after":
        caption = lines[i].rstrip()
        lines[i] = caption[:-1] + f" {phrase}:" if caption.endswith(":") else f"{caption} {phrase}"
    else:
        lines.insert(i + 1, phrase)
    return "\n".join(lines)


@pytest.mark.parametrize("where", ["after", "under"])
@pytest.mark.parametrize("layout", sorted(TEXT))
@pytest.mark.parametrize("name", NAMES)
def test_text_units_with_the_one_account(name, layout, where):
    spec, unit = _spec(name)
    titled = render_text(spec, replace(TEXT[layout], units_style=f"(In {unit})")).text
    expected, findings = _read(titled, "t.txt")
    assert expected.units == unit
    for phrase in PHRASES:
        text = _text_with_units(render_text(spec, TEXT[layout]).text, layout, phrase.format(u=unit), where)
        schedule, found = _read(text, "t.txt")
        assert schedule.units == unit, text
        assert _figures(schedule) == _figures(expected), text
        assert [f.rule for f in found] == [f.rule for f in findings], text


# --- HTML ---------------------------------------------------------------------------------

HTML = {
    "caption-p": HtmlStyle(by_account=True, account_caption="p"),
    "caption-row": HtmlStyle(by_account=True, account_caption="row"),
    "movements-as-rows": HtmlStyle(transposed=True, block_caption="row"),
    "account-column": HtmlStyle(transposed=True, account_columns=True),
}


def _html_with_units(text: str, account: str, phrase: str, where: str) -> str:
    text = re.sub(r'<p align="center">\(in \w+\)</p>', "", text)  # no units in the title block
    text = text.replace("<br>(in thousands)</td>", "</td>").replace("<br>(in millions)</td>", "</td>")
    name = html.escape(account)
    at = text.index(name, text.index("QUALIFYING ACCOUNTS"))
    end = at + len(name) + (1 if text[at + len(name)] == ":" else 0)
    return text[:end] + (f" {phrase}" if where == "after" else f"<br>{phrase}") + text[end:]


@pytest.mark.parametrize("where", ["after", "under"])
@pytest.mark.parametrize("style", sorted(HTML))
@pytest.mark.parametrize("name", NAMES)
def test_html_units_with_the_one_account(name, style, where):
    spec, unit = _spec(name)
    titled = render_html(spec, HTML[style]).text
    expected, findings = _read(titled, "t.htm")
    assert expected.units == unit
    account = spec["periods"][0]["rows"][0]["label"]
    for phrase in PHRASES:
        text = _html_with_units(titled, account, phrase.format(u=unit), where)
        assert f"(in {unit})</p>" not in text
        schedule, found = _read(text, "t.htm")
        assert schedule.units == unit, text
        assert _figures(schedule) == _figures(expected), text
        assert [f.rule for f in found] == [f.rule for f in findings], text
