"""The pipeline, one way: read the input (`source`), sniff its kind and split
a submission into documents, run the front end of each document's kind
(through the registry `frontends.FRONT_ENDS`: text, HTML, and the inline
XBRL facts beside the printed table), which find the schedules and lay them
out as located cells, then the reading stage on each table (`reading`: what
each column, row and sign means), the rules (`ruleset.engine`); diagnosis
and the writers (`output`) follow, in the callers that want them."""


from __future__ import annotations

import re
from dataclasses import replace

from typing import TYPE_CHECKING, Callable, Literal, Optional

from auditor.ruleset import engine, rules
from auditor.ruleset.rules import RuleSet
from auditor import filer, reading, source
from auditor.frontends import Kind, Read, front_end, vocabulary_of
from auditor.frontends.text import locate
from auditor.reading.completeness import facts_cut_off, refuse_cut_off
from auditor.reading.cut_short import refuse_cut_short
from auditor.reading import marks
from auditor.errors import InputError
from auditor.model import Cell, Finding, Position, Schedule
from auditor.result import FileResult

if TYPE_CHECKING:  # the inline XBRL front end is imported only for a document that tags facts
    from auditor.frontends.xbrl.front import Tagged
    from auditor.ruleset.rules import Rule

InputFormat = str  # a front end the user may pick over the sniffed one (frontends.printed_kinds)
Sources = Literal["both", "table", "xbrl"]  # what `check` reads: the printed table, the inline XBRL facts, or both
Only = Optional[Callable[["Rule"], bool]]  # which rules run (None: all)


def schedules(src: source.Source, ruleset: RuleSet, input_format: Optional[InputFormat] = None,
              sources: Sources = "table") -> list[Schedule]:
    """Every Schedule II in the source, laid out and with roles assigned,
    its cells at the file's own columns: as printed ("table"), as its inline
    XBRL facts tag it ("xbrl"), or both."""
    found: list[Schedule] = []
    if sources != "xbrl":
        found = [_marks_settled(s, ruleset) for s in _printed(src, ruleset, input_format)]
    if sources != "table":
        tagged = [] if input_format == "text" else _read("xbrl", src, ruleset)
        if not tagged and sources == "xbrl":
            raise InputError(NO_FACTS, src.path)
        found += tagged
    return [_in_file_columns(s, src) for s in found]


NONE_FOUND = "no Schedule II found (no 'Valuation and Qualifying Accounts' table)"


def _printed(src: source.Source, ruleset: RuleSet, input_format: Optional[InputFormat] = None) -> list[Schedule]:
    """The printed schedules, read, with columns counted in the laid-out
    (tab-expanded) lines: each document of the source by the front end of
    its kind, `input_format` where given."""
    if input_format:
        found = _read(input_format, src, ruleset)
    elif html_documents := locate.html_documents(src):
        found = _documents_read(src, ruleset, html_documents)
    elif _sniffed(src) == "html":
        # No HTML table is a schedule: the file may still print one as text (in a <PRE>).
        found = _read("html", src, ruleset) or _read("text", src, ruleset)
    else:
        found = _read("text", src, ruleset)
    if not found:
        raise InputError(NONE_FOUND, src.path)
    return found


def _read(kind: Kind, src: source.Source, ruleset: RuleSet) -> list[Schedule]:
    """The front end of `kind`, then the reading stage on each table it lays out."""
    read = _reader(ruleset, src.path)
    try:
        laid_out = front_end(kind).tables(src, vocabulary_of(ruleset), read)
    except InputError as exc:
        raise _error_in_file(exc, src) from None
    return [read(s) for s in laid_out]


def _reader(ruleset: RuleSet, path: str) -> Read:
    """The reading stage (`reading.assign`) of one table, each table read once
    however often a front end asks (text reads one-year tables to join them).
    Facts' tables are not read: their concepts name their columns."""
    done: dict[int, tuple[Schedule, Schedule]] = {}

    def read(schedule: Schedule) -> Schedule:
        if schedule.source == "xbrl":
            return schedule
        if id(schedule) not in done:  # the table is kept beside its reading, so its id stays its own
            done[id(schedule)] = (schedule, reading.assign(schedule, ruleset, path))
        return done[id(schedule)][1]

    return read


def _marks_settled(schedule: Schedule, ruleset: RuleSet) -> Schedule:
    """The reading stage's last decision, once the table is whole: each "(1)" a front end read two
    ways (Row.either) read as the arithmetic reads it, measured by every rule's findings (reading/marks)."""
    return marks.settle(schedule, lambda read: engine.said(read, ruleset))


def _documents_read(src: source.Source, ruleset: RuleSet, html_documents: list[Span]) -> list[Schedule]:
    """A submission mixing HTML and text documents (a 10-K in HTML, its exhibits
    as text, or the other way round): the HTML front end reads the HTML
    documents (every other line blank), the text front end the rest; the
    schedules of both in file order, or the first error in the file."""
    found: list[Schedule] = []
    errors: list[InputError] = []
    try:
        found = _read("html", src.only(html_documents), ruleset)
    except InputError as exc:
        errors.append(exc)
    # As in a single HTML file, an HTML document none of whose tables is a
    # schedule may still print one as text (in a <PRE>): the text front end reads it.
    read_as_html = [d for d in html_documents if any(d[0] <= s.line <= d[1] for s in found)]
    try:
        found += _read("text", src.only(_outside(read_as_html, len(src.lines))), ruleset)
    except InputError as exc:
        errors.append(exc)
    if errors:
        raise min(errors, key=lambda e: e.line or 0)
    return sorted(found, key=lambda s: s.line)


Span = tuple[int, int]  # lines first..last, 1-based, inclusive


def _outside(spans: list[Span], last: int) -> list[Span]:
    """The lines 1..last outside `spans` (in file order, not overlapping)."""
    out: list[Span] = []
    line = 1
    for first, end in spans:
        if first > line:
            out.append((line, first - 1))
        line = end + 1
    return out + [(line, last)] if line <= last else out


def check_source(src: source.Source, ruleset: Optional[RuleSet] = None, only: Only = None,
                 input_format: Optional[InputFormat] = None, sources: Sources = "both") -> FileResult:
    """`sources`: "table" reads the printed tables alone, "xbrl" the tagged
    inline XBRL facts alone, "both" (the default) each, and checks one against
    the other."""
    ruleset = ruleset or rules.load()
    result = FileResult(src.path, said=filer.said(src))
    found = _tagged(src, ruleset, input_format) if sources != "table" else None
    cut = facts_cut_off(src) if found is not None else None
    if cut is not None:  # (its facts are cut as its table is: neither is checked)
        result.error = cut
        return result
    if sources == "xbrl":
        return _facts_only(src, ruleset, only, found, result)
    try:
        laid_out = _printed(src, ruleset, input_format)
        for schedule in laid_out:
            refuse_cut_short(schedule, src.path)
        laid_out = refuse_cut_off(src, laid_out)  # (the schedule the file ends at marked)
        for schedule in laid_out:
            if schedule.reading is not None and schedule.reading.ends_file:
                refuse_cut_short(schedule, src.path, at_end=True)
    except InputError as exc:
        if found is None:
            result.error = exc.located(src.path)
            return result
        # The table cannot be read, but its facts can: check them, and say so.
        from auditor.frontends.xbrl import front as xbrl_front

        line = exc.line or found.schedule.line
        findings = xbrl_front.facts_findings(found, ruleset, only, [], unread=exc.message)
        result.findings = [_finding_in_file(f, src) for f in xbrl_front.unread_finding(findings, line)]
        result.findings.sort(key=Finding.sort_key)
        result.schedules = [_in_file_columns(found.schedule, src)]
        return result
    printed_tags: list[tuple[dict, list[Finding], Schedule]] = []
    checked = []
    for schedule in laid_out:
        schedule = _marks_settled(schedule, ruleset)
        if found is None:
            findings = engine.evaluate(schedule, ruleset, only)
        else:
            from auditor.frontends.xbrl import front as xbrl_front

            findings, tags, schedule = xbrl_front.table_findings(schedule, ruleset, only, found)
            printed_tags.append((tags, findings, schedule))
        checked.append(schedule)
        result.findings.extend(_finding_in_file(f, src) for f in findings)
    result.schedules = [_in_file_columns(s, src) for s in checked]
    if found is not None:
        from auditor.frontends.xbrl import front as xbrl_front

        found = xbrl_front.in_schedule(found, printed_tags, vocabulary_of(ruleset))
        result.findings.extend(_finding_in_file(f, src)
                               for f in xbrl_front.facts_findings(found, ruleset, only, printed_tags))
        result.schedules.append(_in_file_columns(found.schedule, src))
    result.findings.sort(key=Finding.sort_key)
    return result


def _tagged(src: source.Source, ruleset: RuleSet, input_format: Optional[InputFormat] = None) -> Optional[Tagged]:
    """The document's inline XBRL facts of Schedule II, laid out, or None."""
    if input_format == "text" or ruleset.xbrl is None or "<ix:nonFraction" not in src.joined():
        return None
    from auditor.frontends.xbrl import front as xbrl_front

    return xbrl_front.read(src, vocabulary_of(ruleset), tagged=True)


NO_FACTS = "no inline XBRL facts of Schedule II (no fact of the rules file's xbrl family with a movement)"


def _facts_only(src: source.Source, ruleset: RuleSet, only: Only, found: Optional[Tagged],
                result: FileResult) -> FileResult:
    if found is None:
        result.error = InputError(NO_FACTS, src.path)
        return result
    from auditor.frontends.xbrl import front as xbrl_front

    result.findings = sorted((_finding_in_file(f, src) for f in xbrl_front.facts_findings(found, ruleset, only, [])),
                             key=Finding.sort_key)
    result.schedules = [_in_file_columns(found.schedule, src)]
    return result


# Stages count columns in lines laid out with tabs expanded; what the user is
# shown counts the file's own characters.  These two map positions back.


def _in_file_columns(schedule: Schedule, src: source.Source) -> Schedule:
    if not src.has_tabs:
        return schedule

    def cell(c: Optional[Cell]) -> Optional[Cell]:
        if c is None:
            return None
        return replace(c, column=src.original_column(c.line, c.column),
                       end_column=src.original_column(c.line, c.end_column - 1) + 1)

    periods = tuple(
        replace(p, rows=tuple(replace(r, cells=tuple(cell(c) for c in r.cells)) for r in p.rows))
        for p in schedule.periods
    )
    reading = schedule.reading
    if reading is not None and reading.marks:  # (the "(1)" a row read two ways prints, kept beside the rows)
        reading = reading._replace(marks=tuple(m._replace(cell=cell(m.cell) or m.cell) for m in reading.marks))
    return replace(schedule, periods=periods, reading=reading)


def _finding_in_file(finding: Finding, src: source.Source) -> Finding:
    if not src.has_tabs:
        return finding

    def position(p: Position) -> Position:
        return Position(p.line, src.original_column(p.line, p.column))

    return replace(finding, location=position(finding.location), related=tuple(position(p) for p in finding.related))


def _error_in_file(error: InputError, src: source.Source) -> InputError:
    if error.column and error.line:
        error.column = src.original_column(error.line, error.column)
    return error


def check_file(path: str, ruleset: Optional[RuleSet] = None, only: Only = None,
               input_format: Optional[InputFormat] = None, sources: Sources = "both",
               max_bytes: Optional[int] = None) -> FileResult:
    """`input_format` "text" or "html" overrides the front end picked by content;
    `sources` says what to read: "table", "xbrl" or "both" (see check_source);
    `max_bytes` caps what is read (limits.MAX_BYTES by default); "-" is standard input."""
    try:
        src = source.read(path, max_bytes)
    except InputError as exc:
        return FileResult(path, error=exc.located(path))
    return check_source(src, ruleset, only, input_format, sources)


# HTML tables (<tr>, <td>) never occur in EDGAR's SGML text, whose tables are
# <TABLE> with <S>/<C>; the first lines tell.  (A submission with HTML tables
# in it is read document by document: locate.html_documents.)
_HTML = re.compile(r"<(?:td|tr|th)[\s>]|<html\b|<!doctype\s+html", re.IGNORECASE)


def _sniffed(src: source.Source) -> str:
    return "html" if any(_HTML.search(line) for line in src.lines[:3000]) else "text"
