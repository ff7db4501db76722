"""A real table's periods printed side by side: a group of columns per period
(balance at beginning .. balance at end), each group headed by its period,
one row per reserve (tests/side_by_side_habits.py).  Test support, not part of
the tool: EDGAR text (tagged or untagged) and 2000s HTML, each figure's place
recorded as tests/render.py records it.
"""

from __future__ import annotations

import html
import textwrap

from render import Printed, Rendered, parse_cell

LABEL_GAP = 3
COLUMN = 16  # characters per column of figures in text
GAP = 2  # between two groups


def _title(spec: dict, subtitle: str = "") -> list[str]:
    units = "millions" if "million" in (spec.get("units") or "") else "thousands"
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


def text(spec: dict, captions: list[str], tagged: bool = True, subtitle: str = "") -> Rendered:
    """The periods side by side in EDGAR text, each group under its caption (`subtitle`: a
    line under the title, naming the year of the report)."""
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
    rendered = Rendered("")
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


def page(spec: dict, captions: list[str], subtitle: str = "") -> Rendered:
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
    heads = "".join(spacer + "".join(f'<td align="center">{html.escape(h)}</td>' for h in headings) for _ in captions)
    out.append(f'<tr valign="bottom">{heads}</tr>')
    rendered = Rendered("")
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
