"""What a finding says of one wrong figure (issue 12, part 3), in every rendered layout.

A real table of ../shared/real-tables is rendered in a layout (the text
layouts of test_real_tables.py, the typed variations of typed.py, the HTML
and inline XBRL styles of test_html_real_tables.py), one of its figures is
changed in the spec (a digit off beyond rounding, the sign flipped, two
digits transposed, a digit dropped), the change rendered the same way and
checked.  The outcome of each change is one of:

- "at the cell": the errors reported are exactly those the changed figures
  hold (tests/expect.py: same checks, rows and places), the reading is the
  clean table's, and every new error is diagnosed at the changed figure with
  the original figure as its "should be";
- "candidates": as above, but the diagnosis names the changed figure among
  others that would explain the failures equally (said, not guessed);
- "located elsewhere": the errors are right but the diagnosis names another
  figure, another value, or none;
- "said as ambiguous": the change leaves a column's sign to its figures
  alone, both readings closing as many rows: VQ005 at its heading, and only
  what both readings find is reported (part 4);
- "second wrong figure in a failing row": the real table's own error is in
  that row already; the diagnosis may name the other figure;
- "missed": the change holds an error and nothing new is reported;
- "extra": an error reported that the figures do not hold (or one they hold
  left out while another is reported);
- "reading changed": the columns or totals read otherwise than in the clean table;
- "refused": the changed table is an input error;
- "no error to find": the change keeps every identity (within rounding, or a
  figure no check reads twice): nothing could locate it.

`outcome` classifies one change; `sweep` runs a family of layouts."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterator

import auditor
from auditor import diagnose, source
from expect import expected_errors, reported_errors, row_name
from render import Rendered, parse_cell, render

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
RULES = auditor.load_rules()
KINDS = ("digit", "sign", "transposed", "dropped")
OUTCOMES = ("at the cell", "candidates", "said as ambiguous", "second wrong figure in a failing row",
            "located elsewhere", "missed", "extra", "reading changed", "refused", "no error to find")


# --- the changes ----------------------------------------------------------------------------------

PROBLEMS = ("located elsewhere", "missed", "extra", "reading changed", "refused")


def _digit_positions(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if ch.isdigit()]


def changed_figure(text: str, kind: str) -> str | None:
    """The spec cell's text with one slip of the kind, or None where the figure has no such slip."""
    digits = _digit_positions(text)
    if kind == "digit":  # the tens (beyond rounding) changed by 5
        i = digits[-2] if len(digits) >= 2 else digits[-1]
        return text[:i] + str((int(text[i]) + 5) % 10) + text[i + 1:]
    if kind == "sign":
        dollar = "$" if text.lstrip().startswith("$") else ""
        body = text.replace("$", "").strip()
        return dollar + (body.strip("()-").strip() if body.startswith(("(", "-")) else f"({body})")
    if kind == "transposed":  # the first two adjacent digits that differ
        pairs = [(a, b) for a, b in zip(digits, digits[1:]) if b == a + 1 and text[a] != text[b]]
        if not pairs:
            return None
        a, b = pairs[0]
        return text[:a] + text[b] + text[a] + text[b + 1:]
    if kind == "dropped":  # the last digit left out (commas as the smaller figure prints them)
        value = parse_cell(text)[1]
        if value is None or abs(value) < 100 or parse_cell(text)[2]:
            return None
        smaller = abs(value) // 10
        body = f"{smaller:,}"
        return text.replace(text.replace("$", "").strip().strip("()-").strip(), body)
    raise ValueError(kind)


def places(spec: dict) -> list[tuple[int, int, int]]:
    return [(pi, ri, k) for pi, p in enumerate(spec["periods"]) for ri, r in enumerate(p["rows"])
            for k, text in enumerate(r["cells"]) if parse_cell(text)[0] == "amount" and parse_cell(text)[1]]


def spread(items: list, n: int, phase: float = 0) -> list:
    """n items evenly spread (all where n <= 0); `phase` (0..1) shifts where the spread begins."""
    if n <= 0 or len(items) <= n:
        return items
    step = len(items) / n
    return [items[int((i + phase) * step)] for i in range(n)]


# --- one change -----------------------------------------------------------------------------------

@dataclasses.dataclass
class Family:
    """How to print a spec and check what is printed."""

    name: str
    print: Callable[[dict], Rendered]
    input_format: str | None = None
    blank_nils: bool = False

    def check(self, rendered: Rendered):
        name = "exhibit.htm" if self.input_format == "html" else "exhibit.txt"
        return auditor.check_source(source.from_text(rendered.text, name), RULES, input_format=self.input_format)


def same_figure(suggested: Decimal, original: Decimal, decimals: int = 0) -> bool:
    """The "should be" is the original figure, or one within its row's rounding (a
    row that closed within rounding is corrected to where it closes exactly: 297 for a
    printed 298 closes it as well; a few units of the last digit printed)."""
    return abs(suggested - original) <= ROUNDING * Decimal(1).scaleb(-decimals)


ROUNDING = 3  # units of the last digit: the half-units of a row of five or six figures


def reading_of(schedules) -> list:
    return [([(c.role, c.sign) for c in s.reading.columns], [(t.period, t.row, t.parts) for t in s.reading.totals])
            for s in schedules]


def outcome(family: Family, spec: dict, clean, at: tuple[int, int, int], kind: str) -> tuple[str, str] | None:
    """(outcome, what was changed) for one change; None where the figure has no slip of the kind."""
    pi, ri, k = at
    original = spec["periods"][pi]["rows"][ri]["cells"][k]
    text = changed_figure(original, kind)
    if text is None or text == original:
        return None
    mutated = json.loads(json.dumps(spec))
    mutated["periods"][pi]["rows"][ri]["cells"][k] = text
    rendered = family.print(mutated)
    where = f"{spec['periods'][pi]['label']} / {spec['periods'][pi]['rows'][ri]['label']} / column {k + 1}: " \
            f"{original} -> {text}"
    result = family.check(rendered)
    if result.error is not None:
        return "refused", f"{where}: {result.error}"
    _, clean_result = clean
    # The clean figures' errors where the changed table prints them (a wider figure moves its column).
    before = expected_errors(spec, rendered, family.blank_nils)
    wanted = expected_errors(mutated, rendered, family.blank_nils)
    got = _unplaced(wanted, {e for e in reported_errors(result) if e[0] != "reading_ambiguity"})
    said = any(f.rule == AMBIGUOUS for f in result.findings)
    if not _kept(result.schedules, clean_result.schedules):
        return "reading changed", where
    if got - wanted:
        return "extra", f"{where}: {sorted(got - wanted)}"
    if not (wanted - before):
        return "no error to find", where
    if not (got - before) or got != wanted:
        # Part 4: where the change leaves a column's sign to its figures alone, said, not guessed.
        return ("said as ambiguous" if said else "missed"), f"{where}: {sorted(wanted - got)}"
    if any(e[1] == row_name(spec["periods"][pi]["rows"][ri]["label"]) and e[0] == "row_identity" for e in before):
        # The row already fails (a real table's own error): the changed figure is a second wrong one in it.
        return "second wrong figure in a failing row", where
    return _diagnosed(result, rendered, at, parse_cell(original), before, where)


AMBIGUOUS = "VQ005"


def _unplaced(wanted: set, got: set) -> set:
    """An error expect.py cannot place (its figure printed blank, a layout's nil) matches the
    tool's of that check and row wherever the tool places it (at the blank cell's column)."""
    blank = {(check, row) for check, row, line, _ in wanted if line is None}
    return {(e[0], e[1], None, None) if (e[0], e[1]) in blank else e for e in got}


def _kept(schedules, clean) -> bool:
    """The clean reading, or, in a column said to be ambiguous, the clean one among the two it names
    (test_reading_stability.kept)."""
    from test_reading_stability import kept

    return len(schedules) == len(clean) and all(kept(a, b) for a, b in zip(schedules, clean))


def _diagnosed(result, rendered: Rendered, at: tuple[int, int, int], printed: tuple, before: set,
               where: str) -> tuple[str, str]:
    _, value, decimals = printed
    figure = rendered.at(*at)
    cell = (figure.line, figure.start)
    diagnosis = diagnose.result(result, RULES)
    new = [f for f in result.findings if f.severity == "error"
           and (f.check, row_name(f.row), f.location.line, f.location.column) not in before]
    said = []
    for f in new:
        s = diagnosis.suggestions.get(f)
        if s is not None and not s.also and (s.cell.line, s.cell.column) == cell and same_figure(s.value, value, decimals):
            said.append("at")
        elif any((c.cell.line, c.cell.column) == cell and same_figure(c.value, value, decimals)
                 for c in diagnosis.candidates.get(f, ())):
            said.append("among")
        else:
            s = s or next(iter(diagnosis.candidates.get(f, ())), None)
            return "located elsewhere", f"{where}: {f.check} at {f.location.line}:{f.location.column} " + (
                f"suggests {s.cell.line}:{s.cell.column} -> {s.value}" if s else "no diagnosis") + f" (cell {cell})"
    return ("at the cell" if all(s == "at" for s in said) else "candidates"), where


# --- a family of layouts --------------------------------------------------------------------------

def tables() -> list[Path]:
    return sorted((SHARED / "real-tables").glob("*.json"))


def changes(spec: dict, per_kind: int) -> Iterator[tuple[tuple[int, int, int], str]]:
    for i, kind in enumerate(KINDS):  # each kind of slip at other figures (balances, movements, totals)
        for at in spread(places(spec), per_kind, i / len(KINDS)):
            yield at, kind


def sweep(family: Family, per_kind: int = 3, table_names: list[str] | None = None) -> tuple[Counter, list[str]]:
    """Counts of each outcome, and the lines saying what went wrong."""
    counts: Counter = Counter()
    problems: list[str] = []
    for path in tables():
        if table_names and path.stem not in table_names:
            continue
        spec = json.loads(path.read_text())
        clean_rendered = family.print(spec)
        clean_result = family.check(clean_rendered)
        if clean_result.error is not None:
            counts["clean table refused"] += 1
            continue
        for at, kind in changes(spec, per_kind):
            got = outcome(family, spec, (clean_rendered, clean_result), at, kind)
            if got is None:
                continue
            counts[got[0]] += 1
            counts[f"{kind}: {got[0]}"] += 1
            if got[0] in PROBLEMS:
                problems.append(f"{family.name} {path.stem} [{kind}] {got[0]}: {got[1]}")
    return counts, problems


def families() -> dict[str, Family]:
    """Every rendered layout: text, typed variations (over the seed-like layout, tagged and untagged), HTML."""
    from test_html_real_tables import STYLES, _rendered
    from test_real_tables import LAYOUTS, applicable
    from typed import VARIATIONS

    out: dict[str, Family] = {}
    for name, layout in LAYOUTS.items():
        out[f"text {name}"] = Family(f"text {name}", lambda s, l=layout: render(s, applicable(s, l)),
                                     blank_nils=layout.nil == "")
    plain = LAYOUTS["seed-like"]
    for name, vary in VARIATIONS.items():
        for tagged in (True, False):
            layout = plain if tagged else dataclasses.replace(plain, table_tags=False)
            label = f"typed {name}" + ("" if tagged else " tags=no")
            out[label] = Family(label, lambda s, l=layout, v=vary: v(render(s, applicable(s, l))))
    from test_html_real_tables import SOFTWARE
    for name in sorted(STYLES) + sorted(SOFTWARE):
        style = SOFTWARE[name].html if name in SOFTWARE else STYLES[name]
        kind = "ixbrl" if style.ixbrl else "html"
        out[f"{kind} {name}"] = Family(f"{kind} {name}", lambda s, n=name: _rendered(s, n), input_format="html")
    return out


# --- the filings as filed ------------------------------------------------------------------------

def filings() -> list[Path]:
    """The printed document of each filing of ../shared/filings (not its transcription)."""
    root = SHARED / "filings"
    return [next(p for p in sorted(d.iterdir()) if p.suffix not in (".json", ".md"))
            for d in sorted(root.iterdir()) if d.is_dir()] if root.is_dir() else []


def filing_outcome(src, document, clean, row, cell, kind: str) -> tuple[str, str]:
    """One figure of a filing changed in its printed text (a digit, or its sign, as
    test_reading_stability changes it), the tables alone checked (`sources="table"`:
    a tagged fact would report any change whatever the reading)."""
    from test_reading_stability import findable, notation

    markup = not src.path.endswith(".txt")
    style = notation(c.raw for s in clean.schedules for p in s.periods for r in p.rows for c in r.cells if c)
    text, where_now = document.changed(cell, kind, style, markup)
    where = f"{cell.raw} at {cell.line}:{cell.column} [{kind}]"
    result = auditor.check_source(source.from_text(text, src.path), RULES, sources="table")
    if result.error is not None:
        return "refused", f"{where}: {result.error.message}"
    if not _kept(result.schedules, clean.schedules):
        return "reading changed", where
    old = {(f.rule, f.period, f.row) for f in clean.findings if f.severity == "error"}
    new = [f for f in result.findings if f.severity == "error" and (f.rule, f.period, f.row) not in old]
    if not new:
        if not findable(row, cell, kind):
            return "no error to find", where
        return ("said as ambiguous" if any(f.rule == AMBIGUOUS for f in result.findings) else "missed"), where
    diagnosis = diagnose.result(result, RULES)
    value = cell.value
    said = set()
    for f in new:
        s = diagnosis.suggestions.get(f)
        if (s is not None and not s.also and (s.cell.line, s.cell.column) == where_now
                and same_figure(s.value, value, cell.decimals or 0)):
            said.add("at")
        elif any((c.cell.line, c.cell.column) == where_now and same_figure(c.value, value, cell.decimals or 0)
                 for c in diagnosis.candidates.get(f, ())):
            said.add("among")
        else:
            return "located elsewhere", f"{where}: {f.check} at {f.location.line}:{f.location.column}"
    return ("at the cell" if said == {"at"} else "candidates"), where


def sweep_filing(path: Path, per_kind: int = 3) -> tuple[Counter, list[str]]:
    from test_reading_stability import Document, spread as _unused  # noqa: F401  (the same printed-text edits)

    src = source.read(str(path))
    clean = auditor.check_source(src, RULES, sources="table")
    counts: Counter = Counter()
    problems: list[str] = []
    if clean.error is not None:
        return Counter({"clean filing refused": 1}), [f"{path.name}: {clean.error.message}"]
    document = Document(path.read_bytes().decode(src.encoding).replace("\r\n", "\n"))
    cells = [(r, c) for s in clean.schedules for p in s.periods for r in p.rows for c in r.cells
             if c is not None and c.value]
    for kind in ("digit", "sign"):
        for row, cell in spread(cells, per_kind):
            got, where = filing_outcome(src, document, clean, row, cell, kind)
            counts[got] += 1
            if got in PROBLEMS:
                problems.append(f"{path.parent.name} {got}: {where}")
    return counts, problems
