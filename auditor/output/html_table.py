"""One schedule of the HTML report: the table as filed, with its marks.

Drawn from a schedule of the JSON document (`printed_rows`, present where a
finding is about the schedule) and the file's findings.  Every figure,
label and heading comes from the filing, every message from a rules file:
all of it goes through `escape`.

Marks, each a symbol and a word as well as a colour:
- a cell a finding is about: `<td class="failing ..." data-location="LINE:COLUMN">`
  with the printed figure, the suggested value where the diagnosis has one,
  and the gravest severity in words;
- a cell a failing check read: class `related`, a lighter mark;
- a cell the diagnosis names: class `suggested`, its value after an arrow;
  one of several equal candidates: class `candidate`, a question mark;
- a "(1)" right after a figure that the reading decided (`reading.marks`):
  `data-read-as="figure|marker|unsure"` on the cell it is on, and a title
  saying why on the cell where it was read as a figure (class `read-figure`),
  else on its footnote beside the figure it follows (`sup.read-as`); unsure
  also in words beside it.  A finding about such a footnote (VQ005 at the
  "(1)") marks it where it is drawn: `<span class="marker failing ...">`
  around the footnote, inside its figure's cell, the finding beside the row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
import html
from typing import Any, Optional, Union

from auditor.errors import shown
from auditor.model import SEVERITY_RANK

# The JSON document's parts as read back (a saved result, or the document
# just made): objects of str keys, amounts as int or Decimal.
Part = Mapping[str, Any]
Place = tuple[int, int]  # (line, column)
Amount = Union[int, Decimal]


def escape(text: str) -> str:
    """Filing or rules text for the page: its control and format characters (a
    bidirectional override, an escape sequence) written as the text report
    writes them (errors.shown), then HTML's escapes."""
    return html.escape(shown(text, keep=""))

SYMBOL = {"error": "\u2716", "warning": "\u25b2", "info": "\u2139"}
RELATED, SUGGESTED, CANDIDATE = "\u25e6", "\u2192", "?"


def amount(value: Amount) -> Decimal:
    """A JSON amount (an int, or a Decimal where the JSON was read with
    parse_float=Decimal, or a Decimal from the checker) as one exact type."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def plain(value: Amount) -> str:
    """An amount's digits, the same whichever way the document was made."""
    return format(amount(value), "f")


def amount_text(value: Optional[Amount]) -> str:
    """A figure the way filings print it: 9,824 and (102)."""
    if value is None:
        return "n/a"
    v = amount(value)
    text = f"{abs(v):,f}"
    return f"({text})" if v < 0 else text


def signed_text(value: Optional[Amount]) -> str:
    return "n/a" if value is None else f"{amount(value):+,f}".replace("-", "\u2212")


def location(p: Part) -> str:
    return f"{p['line']}:{p['column']}"


def cell_id(section: str, p: Part) -> str:
    return f"{section}-L{p['line']}C{p['column']}"


def has_table(schedule: Part) -> bool:
    return any("printed_rows" in p for p in schedule.get("periods", []))


def cells_of(schedule: Part) -> set[Place]:
    """The places the table draws: its figures, and each decided "(1)" drawn
    as the footnote of the figure before it (a finding there is marked on it)."""
    figures = {(c["line"], c["column"]) for p in schedule.get("periods", []) for r in p.get("printed_rows", [])
               for c in r["cells"] if c is not None}
    return figures | {at for at in map(_footnote_at, read_marks(schedule).values()) if at is not None}


class Marks:
    """What the findings of one file say about its cells, by (line, column)."""

    def __init__(self, findings: Iterable[Part]) -> None:
        self.failing: dict[Place, list[Part]] = {}  # the findings about each cell
        self.related: set[Place] = set()
        self.suggested: dict[Place, Part] = {}  # the suggestion for each cell
        self.candidates: dict[Place, int] = {}  # the number of candidates a cell is one of
        for f in findings:
            self.failing.setdefault(_key(f["location"]), []).append(f)
            self.related.update(_key(p) for p in f.get("related", []))
            for s in _with_partners(f.get("suggestion")):
                self.suggested[_key(s["location"])] = s
            group = f.get("candidates") or []
            for s in group:
                for one in _with_partners(s):
                    self.candidates.setdefault(_key(one["location"]), len(group))

    def severity(self, key: Place) -> str:
        return max((f["severity"] for f in self.failing[key]), key=SEVERITY_RANK.__getitem__)


def _key(p: Part) -> Place:
    return (p["line"], p["column"])


def _with_partners(s: Optional[Part]) -> list[Part]:
    return [] if s is None else [s, *s.get("together_with", [])]


# How a "(1)" right after a figure was read (reading.marks' read_as), in words.
READ_AS = {"figure": "read as a figure", "marker": "read as a footnote marker",
           "unsure": "left unsure, a figure or a footnote marker"}
UNSURE = "figure or marker?"

# A decided "(1)" by the drawn cell it is on, and whether on its footnote (else the cell is the "(1)").
ReadMarks = dict[Place, tuple[Part, bool]]


def read_marks(schedule: Part) -> ReadMarks:
    """Each "(1)" the reading decided, by the drawn cell it is on: its own
    cell where it was read as a figure, else the figure before it in its row
    whose footnote it is (how both readings but the figure's draw it)."""
    found = schedule.get("reading")
    decided = (found.get("marks") or []) if isinstance(found, dict) else []
    out: ReadMarks = {}
    for m in decided:
        at = m.get("cell") if isinstance(m, dict) else None
        if not isinstance(at, dict) or not {"line", "column"} <= at.keys():
            continue
        place = _key(at)
        row = [c for p in schedule.get("periods", []) if p.get("label") == m.get("period")
               for r in p.get("printed_rows", []) if r.get("line") == m.get("line") for c in r["cells"] if c is not None]
        if any(_key(c) == place for c in row):
            out[place] = (m, False)
            continue
        before = [c for c in row if c.get("footnote") == m.get("raw") and c["line"] == place[0] and c["column"] < place[1]]
        if before:
            out[_key(max(before, key=lambda c: c["column"]))] = (m, True)
    return out


def _footnote_at(read: Optional[tuple[Part, bool]]) -> Optional[Place]:
    """Where a decided "(1)" drawn as a figure's footnote is printed (None: no
    such footnote on the cell)."""
    return _key(read[0]["cell"]) if read is not None and read[1] else None


def _read_as(m: Part) -> str:
    """A decided "(1)" for its title: how it was read, and why."""
    read_as = str(m.get("read_as"))
    return f"{m.get('raw')}: {READ_AS.get(read_as, read_as)}, because {_basis(m.get('basis'))}"


def draw(schedule: Part, marks: Marks, section: str, numbers: dict[int, int]) -> str:
    """The schedule as a <figure>: caption, its reading one click away, the
    table.  `numbers` maps a finding (by id) to its number in the section's
    list of findings, for the notes beside each row."""
    read = read_marks(schedule)
    columns = schedule.get("columns", [])
    head = "".join(f"<th scope=\"col\">{escape(c.get('heading') or '')}"
                   f"<span class=\"role\">{escape(c.get('role') or 'no role')}</span></th>" for c in columns)
    body = []
    drawn: set[Place] = set()  # the figures drawn so far: a figure the model holds twice is marked once
    for period in schedule.get("periods", []):
        body.append(f"<tbody><tr class=\"period\"><th scope=\"colgroup\" colspan=\"{len(columns) + 2}\">"
                    f"{escape(period.get('label') or '(no period caption)')}</th></tr>")
        for row in period.get("printed_rows", []):
            body.append(_row(row, marks, read, section, numbers, drawn))
        body.append("</tbody>")
    units = f" (in {escape(schedule['units'])})" if schedule.get("units") else ""
    return (
        f"<figure class=\"schedule\"><figcaption><span class=\"title\">{escape(schedule.get('title') or '')}</span>"
        f"{units} <span class=\"where\">line {schedule.get('line', '?')}</span></figcaption>"
        f"{reading(schedule)}"
        f"<div class=\"scroll\"><table class=\"filed\"><thead><tr>"
        f"<th scope=\"col\" class=\"label\">{escape(schedule.get('label_heading') or '')}</th>{head}"
        f"<th scope=\"col\" class=\"notes\">Findings</th></tr></thead>{''.join(body)}</table></div></figure>"
    )


def _row(row: Part, marks: Marks, read: ReadMarks, section: str, numbers: dict[int, int], drawn: set[Place]) -> str:
    tds: list[str] = []
    notes: list[Part] = []
    for c in row["cells"]:
        if c is None:
            tds.append("<td></td>")
            continue
        key = (c["line"], c["column"])
        if key in drawn:  # a chained roll-forward's balance, opening this period: marked where it closed the last
            tds.append(f"<td class=\"carried\" title=\"carried: the figure that closed the period before\">"
                       f"{escape(c['raw'])}{_footnote(c, read.get(key))}</td>")
            continue
        drawn.add(key)
        tds.append(cell(c, marks, section, read.get(key)))
        for at in (key, _footnote_at(read.get(key))):  # the figure's findings, and its "(1)"'s
            if at is not None:
                notes.extend(f for f in marks.failing.get(at, []) if f not in notes)
    kind = " class=\"total\"" if row.get("kind") == "total" else ""
    label = escape(row.get("label") or "(total)") + _footnote(row)
    return (f"<tr{kind}><th scope=\"row\">{label}</th>{''.join(tds)}"
            f"<td class=\"notes\">{''.join(note(f, section, numbers) for f in notes)}</td></tr>")


def cell(c: Part, marks: Marks, section: str, read: Optional[tuple[Part, bool]] = None) -> str:
    """One figure of the table, with what the findings say about it, and how
    the reading read a "(1)" that is it or follows it (`read`)."""
    key = (c["line"], c["column"])
    p = {"line": c["line"], "column": c["column"]}
    figure = f"<span class=\"figure\">{escape(c['raw'])}</span>{_marked_footnote(c, marks, section, read)}"
    classes: list[str] = []
    extra: list[str] = []
    title: list[str] = []
    decided = ""  # a "(1)" the reading decided is here: how, on the cell (and why, where the cell is it)
    if read is not None:
        decided = f" data-read-as=\"{escape(str(read[0].get('read_as')))}\""
        if not read[1]:
            classes.append("read-figure")
            title.append(_read_as(read[0]))
            if read[0].get("read_as") == "unsure":
                extra.append(f"<span class=\"unsure\">{UNSURE}</span>")
    if key in marks.failing:
        severity = marks.severity(key)
        classes += ["failing", severity]
        figure = f"<span class=\"sym\">{SYMBOL[severity]}</span>{figure}"
        elsewhere, said = _failed(key, marks, section)
        extra = elsewhere + extra + said
        title.append(f"{severity}: a failed check is about this figure (its findings are beside the row)")
    elif key in marks.related:
        classes.append("related")
        figure = f"<span class=\"sym\">{RELATED}</span>{figure}"
        title.append("read by a failing check")
    if key in marks.suggested:
        s = marks.suggested[key]
        classes.append("suggested")
        extra.insert(0, f"<span class=\"fix\" data-value=\"{plain(s['value'])}\">"
                        f"{SUGGESTED} {escape(amount_text(s['value']))}</span>")
        title.append("the diagnosis: this figure should be " + amount_text(s["value"]))
    elif key in marks.candidates:
        classes.append("candidate")
        extra.insert(0, f"<span class=\"maybe\">{CANDIDATE} one of {marks.candidates[key]}</span>")
    if not classes and not decided:  # most of a table: no mark, no id, no span, the figure alone (most of a page's bytes)
        return f"<td>{escape(c['raw'])}{_footnote(c, read)}</td>"
    attributes = f" id=\"{cell_id(section, p)}\"" + (f" class=\"{' '.join(classes)}\"" if classes else "") + decided
    if "failing" in classes:
        attributes += f" data-location=\"{location(p)}\""
    if title:
        attributes += f" title=\"{escape(' | '.join(title))}\""
    return f"<td{attributes}>{figure}{''.join(extra)}</td>"


def _failed(key: Place, marks: Marks, section: str) -> tuple[list[str], list[str]]:
    """What the findings about a failing place say beside it: first where
    another cell's suggestion explains it; then the gravest severity in words,
    and what the checks say it should be where no diagnosis is here."""
    elsewhere: list[str] = []
    for f in marks.failing[key]:  # a suggestion made at another cell: its value, and where
        s = f.get("suggestion")
        if s is not None and _key(s["location"]) != key and key not in marks.suggested:
            elsewhere.append(f"<a class=\"fix elsewhere\" href=\"#{cell_id(section, s['location'])}\">"
                             f"explained by {location(s['location'])} {SUGGESTED} {escape(amount_text(s['value']))}</a>")
            break
    said = [f"<span class=\"tag\">{marks.severity(key)}</span>"]
    expected = dict.fromkeys(amount_text(f["expected"]) for f in marks.failing[key] if f.get("expected") is not None)
    if expected and key not in marks.suggested:  # no diagnosis here: what the checks say it should be
        said.append(f"<span class=\"expected\">checks say {escape(' or '.join(expected))}</span>")
    return elsewhere, said


def _marked_footnote(printed: Part, marks: Marks, section: str, read: Optional[tuple[Part, bool]]) -> str:
    """A figure's footnote, and where it is a decided "(1)" a finding is about
    (VQ005 at it), the finding's mark around it: the failing element of its
    place, as a cell's, within the figure's cell."""
    sup = _footnote(printed, read)
    at = _footnote_at(read)
    if at is None or at not in marks.failing:
        return sup
    severity = marks.severity(at)
    elsewhere, said = _failed(at, marks, section)
    p = {"line": at[0], "column": at[1]}
    title = f"{severity}: a failed check is about this footnote marker (its findings are beside the row)"
    return (f"<span class=\"marker failing {severity}\" id=\"{cell_id(section, p)}\" data-location=\"{location(p)}\" "
            f"title=\"{escape(title)}\"><span class=\"sym\">{SYMBOL[severity]}</span>{sup}"
            f"{''.join(elsewhere + said)}</span>")


def _footnote(printed: Part, read: Optional[tuple[Part, bool]] = None) -> str:
    """A footnote marker as filed beside its figure or label: (1), *, (a); a
    "(1)" the reading decided with how and why, unsure also in words."""
    if not printed.get("footnote"):
        return ""
    if read is None or not read[1]:
        return f"<sup class=\"footnote\">{escape(printed['footnote'])}</sup>"
    m = read[0]
    unsure = f"<span class=\"unsure\">{UNSURE}</span>" if m.get("read_as") == "unsure" else ""
    return (f"<sup class=\"footnote read-as\" data-read-as=\"{escape(str(m.get('read_as')))}\" "
            f"title=\"{escape(_read_as(m))}\">{escape(printed['footnote'])}</sup>{unsure}")


def note(f: Part, section: str, numbers: dict[int, int]) -> str:
    """A finding beside its row: number, severity in symbol and word, where
    (a link to its mark: in a row of several, or on a "(1)", which one), rule,
    message."""
    n = numbers.get(id(f))
    anchor = f" id=\"{section}-finding-{n}\"" if n else ""
    at = f"<a class=\"at\" href=\"#{cell_id(section, f['location'])}\">{location(f['location'])}</a>"
    return (f"<p class=\"note {f['severity']}\"{anchor}><span class=\"sym\">{SYMBOL[f['severity']]}</span>"
            f"<span class=\"tag\">{f['severity']}</span> {at} <span class=\"rule\">{escape(f['rule'])}</span> "
            f"{escape(f['message'])}</p>")


def reading(schedule: Part) -> str:
    """How the table was read, one click away: each column's heading as
    printed and its role, and where the result carries the reading stage's
    decisions (`schedules[].reading`), each column's sign and the basis of
    the decision, what each total sums, and how many rows close; else the
    table's sign conventions."""
    found = schedule.get("reading")
    decided: Part = found if isinstance(found, dict) else {}
    decisions = {d.get("column"): d for d in decided.get("columns") or [] if isinstance(d, dict)}
    rows = []
    for k, c in enumerate(schedule.get("columns", []), 1):  # the reading stage counts columns from 1
        d = decisions.get(k, {})
        cells = [c.get("heading") or "", d.get("role") or c.get("role") or ""]
        if decisions:
            cells += [d.get("sign") or "", _basis(d.get("basis"))]
        rows.append(_tr(cells))
    heads = ["Heading as printed", "Role"] + (["Sign", "Basis"] if decisions else [])
    parts = [_conventions(schedule, decided), _table(heads, rows)]
    totals = [_tr([t.get("period"), t.get("row") or "(total)", t.get("sums"), _basis(t.get("basis"))])
              for t in decided.get("totals") or [] if isinstance(t, dict)]
    if totals:
        parts.append(_table(["Period", "Total row", "Sums", "Basis"], totals))
    read = [_tr([m.get("period"), m.get("row"), _at(m.get("cell")), m.get("raw"), m.get("read_as"), _basis(m.get("basis"))])
            for m in decided.get("marks") or [] if isinstance(m, dict)]
    if read:
        parts.append(_table(["Period", "Row", "At", "Printed", "Read as", "Basis"], read))
    for a in decided.get("ambiguous") or []:
        if isinstance(a, dict):
            parts.append(f"<p class=\"warning\">Column {escape(str(a.get('column')))}: {escape(str(a.get('message')))}</p>")
    return f"<details class=\"reading\"><summary>How the table was read</summary>{''.join(parts)}</details>"


def _conventions(schedule: Part, decided: Part) -> str:
    out = []
    if decided.get("rows") is not None:
        out.append(f"{decided.get('rows_closing')} of {decided.get('rows')} rows close")
    conventions = schedule.get("conventions") or {}
    if conventions:
        out.append(f"deductions {conventions.get('deductions', '')} ({conventions.get('basis', '')})")
        out.append(f"balances {conventions.get('balances', '')}")
    return f"<p>{escape('; '.join(map(str, out)))}.</p>" if out else ""


def _at(place: object) -> str:
    return f"line {place.get('line')}, column {place.get('column')}" if isinstance(place, dict) else ""


def _basis(basis: object) -> str:
    return "; ".join(map(str, basis)) if isinstance(basis, list) else str(basis or "")


def _tr(cells: Iterable[object]) -> str:
    return "<tr>" + "".join(f"<td>{escape(str(x if x is not None else ''))}</td>" for x in cells) + "</tr>"


def _table(heads: Iterable[str], rows: Iterable[str]) -> str:
    head = "".join(f"<th scope=\"col\">{h}</th>" for h in heads)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
