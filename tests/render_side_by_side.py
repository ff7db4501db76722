"""A real table's periods printed side by side: a group of columns per period
(balance at beginning .. balance at end), each group headed by its period,
one row per reserve (tests/side_by_side_habits.py).  Test support, not part of
the tool: EDGAR text (tagged or untagged) and 2000s HTML, each figure's place
recorded as tests/render.py records it.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import replace

from auditor.labels import RULE_LETTER
from render import Printed, Rendered, parse_cell

LABEL_GAP = 3
COLUMN = 16  # characters per column of figures in text
GAP = 2  # between two groups


def _units(spec: dict) -> str:
    """The units the title states: millions or thousands (a table in dollars printed in thousands)."""
    return "millions" if "million" in (spec.get("units") or "") else "thousands"


def _title(spec: dict, subtitle: str = "") -> list[str]:
    units = _units(spec)
    return ["SCHEDULE II", spec["company"].upper(), "VALUATION AND QUALIFYING ACCOUNTS",
            *([subtitle] if subtitle else []), f"(In {units})"]


def _cell(text: str) -> str:
    return text.replace("$", "").strip()


def _wrapped(heading: str) -> list[str]:
    """A heading's lines in a column, a dash never opening one ("- Describe" hangs on the line above)."""
    lines = textwrap.wrap(heading, COLUMN - 2) or [""]
    for i in range(1, len(lines)):
        if lines[i].startswith("- "):
            lines[i - 1], lines[i] = lines[i - 1] + " -", lines[i][2:]
    return lines


def _letters(letters: str, n: int) -> list[str]:
    """Rule 12-09's letters over a group's n figure columns ("COL. B" .. ), `letters` a format."""
    return [letters.format(chr(ord("B") + k)) for k in range(n)] if letters else []


def text(spec: dict, captions: list[str], tagged: bool = True, subtitle: str = "", letters: str = "") -> Rendered:
    """The periods side by side in EDGAR text, each group under its caption (`subtitle`: a
    line under the title, naming the year of the report; `letters`: Rule 12-09's column
    letters on a line of their own over each group's headings, "COL. {}")."""
    headings = spec["columns"][1:]
    n = len(headings)
    rows = spec["periods"][0]["rows"]
    label_width = max(30, max(len(r["label"]) for r in rows) + LABEL_GAP)
    group = n * COLUMN

    def at(g: int, k: int) -> int:  # 0-based first character of column k of group g
        return label_width + g * (group + GAP) + k * COLUMN

    out: list[str] = [""] + [t.center(label_width + len(captions) * (group + GAP)).rstrip() for t in _title(spec, subtitle)] + [""]
    if tagged:
        out += ["<TABLE>", "<CAPTION>"]

    def put(line: str, x: int, s: str) -> str:
        line = line.ljust(x)
        return line[:x] + s + line[x + len(s):]

    over, rule = "", ""
    for g, caption in enumerate(captions):
        over = put(over, at(g, 0), caption.center(group - 2))
        rule = put(rule, at(g, 0), "-" * (group - 2))
    out += [over.rstrip(), rule.rstrip()]
    if letters:
        line = ""
        for g in range(len(captions)):
            for k, letter in enumerate(_letters(letters, n)):
                line = put(line, at(g, k), letter.center(COLUMN - 2))
        out.append(line.rstrip())
    wrapped = [_wrapped(h) for h in headings]
    depth = max(len(w) for w in wrapped)
    for d in range(depth):
        line = ""
        for g in range(len(captions)):
            for k, w in enumerate(wrapped):
                part = w[d - (depth - len(w))] if d >= depth - len(w) else ""
                line = put(line, at(g, k), part.center(COLUMN - 2))
        out.append(line.rstrip())
    line = ""
    for g in range(len(captions)):
        for k in range(n):
            line = put(line, at(g, k), "-" * (COLUMN - 2))
    out.append(line.rstrip())
    if tagged:
        line = "<S>"
        for g in range(len(captions)):
            for k in range(n):
                line = put(line, at(g, k), "<C>")
        out.append(line)
    rendered = Rendered("", units=_units(spec))
    for ri, row in enumerate(rows):
        line = row["label"]
        number = len(out) + 1
        for g in range(len(captions)):
            for k, cell in enumerate(spec["periods"][g]["rows"][ri]["cells"]):
                shown = _cell(cell)
                if not shown:
                    continue
                start = at(g, k) + COLUMN - 2 - len(shown) - (0 if shown.endswith(")") else 1)
                line = put(line, start, shown)
                kind, value, _ = parse_cell(shown)
                rendered.figures.append(Printed(g, ri, k, shown, value, number, start + 1, start + 1 + len(shown)))
        for g in range(len(captions)):
            rendered.row_labels[(g, ri)] = row["label"]
        out.append(line.rstrip())
    if tagged:
        out.append("</TABLE>")
    rendered.text = "\n".join(out) + "\n"
    rendered.headings = headings
    return rendered


def page(spec: dict, captions: list[str], subtitle: str = "", letters: str = "") -> Rendered:
    """The periods side by side in 2000s HTML: a row of captions each spanning its group."""
    headings = spec["columns"][1:]
    n = len(headings)
    title = "<br>".join(html.escape(t) for t in _title(spec, subtitle))
    out = ["<html>", "<head><title>Schedule II</title></head>", "<body>",
           f'<p align="center"><b>{title}</b></p>',
           '<table cellspacing="0" cellpadding="0" width="100%" border="0" style="font-size:10pt">']
    spacer = "<td>&nbsp;</td>"
    over = "".join(f'{spacer}<td colspan="{n}" align="center" style="border-bottom:1px solid #000000">'
                   f"<b>{html.escape(c)}</b></td>" for c in captions)
    out.append(f'<tr valign="bottom">{over}</tr>')
    if letters:
        out.append('<tr valign="bottom">' + "".join(spacer + "".join(f'<td align="center">{html.escape(x)}</td>'
                                                                      for x in _letters(letters, n)) for _ in captions) + "</tr>")
    heads = "".join(spacer + "".join(f'<td align="center">{html.escape(h)}</td>' for h in headings) for _ in captions)
    out.append(f'<tr valign="bottom">{heads}</tr>')
    rendered = Rendered("", units=_units(spec))
    prefix = '<td align="right">'
    for ri, row in enumerate(spec["periods"][0]["rows"]):
        out.append(f'<tr valign="bottom"><td>{html.escape(row["label"])}</td>')
        for g in range(len(captions)):
            if g:
                out.append(spacer)
            for k, cell in enumerate(spec["periods"][g]["rows"][ri]["cells"]):
                shown = _cell(cell)
                out.append(f"{prefix}{html.escape(shown) if shown else '&nbsp;'}</td>")
                if shown:
                    _, value, _ = parse_cell(shown)
                    start = len(prefix) + 1
                    rendered.figures.append(Printed(g, ri, k, html.escape(shown), value, len(out), start,
                                                    start + len(html.escape(shown))))
            rendered.row_labels[(g, ri)] = row["label"]
        out.append("</tr>")
    out += ["</table>", "</body>", "</html>"]
    rendered.text = "\n".join(out) + "\n"
    rendered.headings = headings
    return rendered


def reserves(spec: dict, layout: str, letters: str = "", letters_only: bool = False) -> Rendered:
    """The reserves side by side: a group of columns per reserve under its name, a row per
    period labelled by its caption (`layout`: "text-tagged", "text-untagged" or "html"); each
    figure's place recorded as of the spec's own period and row.  `letters_only`: the
    letters alone head each group's columns, no words."""
    names = [r["label"] for r in spec["periods"][0]["rows"]]
    if letters_only:
        spec = dict(spec, columns=spec["columns"][:1] + _letters(letters, len(spec["columns"]) - 1))
        letters = ""
    elif letters:  # (the table's own letters, where its headings print them, give way to the habit's line of them)
        spec = dict(spec, columns=[" ".join(RULE_LETTER.sub("", h).split()) for h in spec["columns"]])
    across = dict(spec, periods=[{"label": name, "rows": [{"label": " ".join(p["label"].rstrip(": ").split()),
                                                            "cells": p["rows"][ri]["cells"]} for p in spec["periods"]]}
                                 for ri, name in enumerate(names)])
    if layout == "html":
        rendered = page(across, names, letters=letters)
    else:
        rendered = text(across, names, tagged=layout == "text-tagged", letters=letters)
    rendered.figures = [replace(f, period=f.row, row=f.period) for f in rendered.figures]
    rendered.row_labels = {(pi, ri): r["label"] for pi, p in enumerate(spec["periods"]) for ri, r in enumerate(p["rows"])}
    return rendered


# --- inline XBRL: the side-by-side page with every figure tagged --------------------------

def tagged(rendered: Rendered, spec: dict, workiva: bool = True) -> Rendered:
    """A side-by-side page (`page`, `reserves`) as filing software's inline XBRL prints it:
    each figure an ix:nonFraction of the Valuation and qualifying accounts family, its context
    the group's year (the balances at its instants, the movements for its duration) and the
    row's reserve (a member of the reserves' axis; a total none), the contexts in a hidden
    ix:header (`workiva`: the table inside the schedule's text block, as Workiva writes it;
    else bare under the header, as Toppan Merrill does)."""
    from datetime import date, timedelta

    from ixbrl_habits import AXIS, BALANCE, CONCEPTS, SCALE, SUBTRACTING
    from render import period_date

    roles = spec["roles"][1:]
    sign = -1 if spec["deductions_sign"] == "positive-subtracted" else 1
    scale = SCALE[_units(spec)]  # (as `_title` states them)
    contexts: dict[str, str] = {}

    def dates(pi: int) -> tuple[date, date]:
        y, m, d = period_date(spec["periods"][pi]["label"])
        end = date(y, m, d) if d else (date(y, m + 1, 1) if m < 12 else date(y + 1, 1, 1)) - timedelta(days=1)
        return date(end.year - 1, end.month, min(end.day, 28 if end.month == 2 else end.day)) + timedelta(days=1), end

    def context(pi: int, ri: int, kind: str) -> str:
        row = spec["periods"][pi]["rows"][ri]
        start, end = dates(pi)
        words = "".join(w[:1].upper() + w[1:] for w in re.findall(r"[A-Za-z0-9]+", row["label"])[:8])
        member = "" if row.get("is_total") else f"abc:{words}Member"
        if kind == "opening":
            key, period = f"i{start - timedelta(days=1)}", f"<xbrli:instant>{start - timedelta(days=1)}</xbrli:instant>"
        elif kind == "closing":
            key, period = f"i{end}", f"<xbrli:instant>{end}</xbrli:instant>"
        else:
            key, period = f"d{start}_{end}", f"<xbrli:startDate>{start}</xbrli:startDate><xbrli:endDate>{end}</xbrli:endDate>"
        cid = f"c-{key}-{words if member else 'total'}"
        segment = (f'<xbrli:segment><xbrldi:explicitMember dimension="{AXIS}">{member}</xbrldi:explicitMember>'
                   "</xbrli:segment>" if member else "")
        contexts[cid] = (f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">'
                         f"0000000001</xbrli:identifier>{segment}</xbrli:entity><xbrli:period>{period}</xbrli:period>"
                         "</xbrli:context>")
        return cid

    balances = [parse_cell(r["cells"][k])[1] for p in spec["periods"] for r in p["rows"] if r["cells"]
                for k in (roles.index("beginning"), roles.index("ending"))]
    amounts = [v for v in balances if v]
    contra = -1 if sum(v < 0 for v in amounts) > len(amounts) / 2 else 1
    lines = rendered.text.split("\n")
    figures = []
    for n, f in enumerate(rendered.figures):
        role = roles[f.column]
        kind = "opening" if role == "beginning" else "closing" if role == "ending" else "move"
        concept = BALANCE if kind != "move" else CONCEPTS.get(role)
        if concept and kind == "move" and any(CONCEPTS.get(r) == concept for r in roles[:f.column]):
            concept = "abc:" + concept.split(":")[1] + str(f.column)
        shown, line = html.unescape(f.raw), lines[f.line - 1]
        cell_kind, value, _ = parse_cell(shown)
        if concept is None:
            figures.append(f)
            continue
        amount = contra * value if cell_kind == "amount" else 0
        if kind == "move" and role in SUBTRACTING:
            amount = -sign * amount
        attrs = (f'name="{concept}" contextRef="{context(f.period, f.row, kind)}" unitRef="usd" id="f-{n}" '
                 f'decimals="{-scale}" scale="{scale}"')
        if cell_kind != "amount":
            tag, digits, before, after = f'<ix:nonFraction {attrs} format="ixt:fixed-zero">', html.escape(shown), "", ""
        else:
            negative = shown.startswith("(")
            digits = shown.strip("()")
            tag = f'<ix:nonFraction {attrs} format="ixt:num-dot-decimal"{NEG_ATTR if amount < 0 else ""}>'
            before, after = ("(", ")") if negative else ("", "")
        head = line[: f.start - 1]
        written = before + tag + digits + "</ix:nonFraction>" + after
        lines[f.line - 1] = head + written + line[f.end - 1:]
        # (a figure is placed at its digits, inside its tag, or at the "(" printed before the tag)
        start = len(head) + 1 if before else len(head) + len(tag) + 1
        figures.append(replace(f, start=start, end=len(head) + len(written) + 1 if before else start + len(digits)))
    rendered.figures = figures
    header = ('<div style="display:none"><ix:header><ix:hidden>'
              '<ix:nonNumeric name="dei:DocumentType" contextRef="c0">10-K</ix:nonNumeric></ix:hidden><ix:resources>'
              '<xbrli:context id="c0"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000000001'
              '</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2023-12-31</xbrli:instant></xbrli:period>'
              "</xbrli:context>" + "".join(contexts.values()) + "</ix:resources></ix:header></div>")
    body = lines.index("<body>")
    lines.insert(body + 1, header)
    rendered.figures = [replace(f, line=f.line + 1) for f in rendered.figures]
    if workiva:
        opens = next(i for i, ln in enumerate(lines) if ln.startswith("<table"))
        closes = lines.index("</table>")
        lines[opens] = ('<ix:nonNumeric name="srt:ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock" '
                        'contextRef="c0" escape="true">' + lines[opens])
        lines[closes] += "</ix:nonNumeric>"
        shift = len('<ix:nonNumeric name="srt:ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock" '
                    'contextRef="c0" escape="true">')
        rendered.figures = [replace(f, start=f.start + shift, end=f.end + shift) if f.line - 1 == opens else f
                            for f in rendered.figures]
    rendered.text = "\n".join(lines)
    return rendered


NEG_ATTR = ' sign="-"'
