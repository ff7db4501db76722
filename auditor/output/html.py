"""The HTML report: one self-contained page for one filing or a corpus.

Built from the JSON document (`document.document`, or a saved `--format json`
or `jsonl` result read by `saved`), so `auditor check --format html` and
`auditor report FILE.json` write the same page (but where a capped diagnosis
says where all is listed: `diagnose.ALL_LISTED`).  No external resource: the
style and the script (sorting and filtering the file list) are inline, and
with the script off every part is there.

Contract (README, "HTML report"): each failing cell is an element with class
`failing` and `data-location="LINE:COLUMN"` (the finding's location), holding
the printed figure and, where the diagnosis suggests one, its value; each
file's section has the id `section_id(path)`.

Scale: a section only for a file with findings; files with none are listed
compactly at the end, one short line each, so that the page grows with the
findings, not with the corpus.
"""

from __future__ import annotations

from importlib import resources
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from auditor.diagnose import Alternative, Shown, first_of_pair, for_people
from auditor.output import ReportOptions
from auditor.output.document import Json, document, file_entry
from auditor.output.html_table import SYMBOL, UNSURE, Marks, Part, Place, amount, amount_text, cell_id, cells_of, draw, escape, has_table, location, plain, signed_text

Status = Literal["errors", "warnings", "info", "clean", "unreadable"]  # a file's, in the page's words
STATUSES: tuple[Status, ...] = ("errors", "warnings", "info", "clean", "unreadable")
STATUS_MARK = {"errors": "\u2716", "warnings": "\u25b2", "info": "\u2139", "clean": "\u2713", "unreadable": "\u2298"}
DOT = " \u00b7 "
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")

if TYPE_CHECKING:
    from auditor.corpus.totals import Totals
    from auditor.output.destination import Output
    from auditor.result import FileResult


class HtmlWriter:
    """The page, drawn at the end from the JSON document's files (as
    `auditor report` draws it from a saved one: the same page).  A clean
    file's entry is small; one with findings carries its table."""

    def __init__(self, out: Output, options: ReportOptions) -> None:
        self.out = out
        self.files: list[Json] = []

    def file(self, result: FileResult) -> None:
        self.files.append(file_entry(result))

    def end(self, totals: Totals) -> None:
        self.out.write(render(document([]) | {"files": self.files, "summary": totals.summary()}))


def section_id(path: str) -> str:
    """`file-` and the path with every character but ASCII letters, digits
    and `-` written as `_` and two hex digits per UTF-8 byte:
    `tests/fixtures/a.txt` -> `file-tests_2Ffixtures_2Fa_2Etxt`.  Unique per
    path, and safe unescaped in a URL fragment and a CSS selector."""
    return "file-" + "".join(ch if ch in _SAFE else "".join(f"_{b:02X}" for b in ch.encode("utf-8")) for ch in path)


def render(doc: Part, shown_in: Shown = "run") -> str:
    """The page of a JSON document: the one a run just made (`check`), or a
    saved result (`auditor report`: `shown_in="saved"`, said where the
    diagnosis points to where all is listed)."""
    files = doc.get("files", [])
    title = f"auditor report: {files[0].get('path', '')}" if len(files) == 1 else f"auditor report: {len(files)} files"
    ids = _section_ids(files)
    with_section = [(f, ids[n]) for n, f in enumerate(files) if f.get("findings")]
    parts = [
        _summary(doc, files),
        _file_list(files, ids),
        *(_section(f, sid, len(files) > 1, shown_in) for f, sid in with_section),
        _clean_list(files),
    ]
    return _page(title, "".join(parts))


def _page(title: str, body: str) -> str:
    assets = resources.files("auditor") / "assets"
    css = (assets / "report.css").read_text(encoding="utf-8")
    js = (assets / "report.js").read_text(encoding="utf-8")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{escape(title)}</title><style>{css}</style></head>\n"
        f"<body><h1>{escape(title)}</h1>\n{body}\n<script>{js}</script></body></html>\n"
    )


def _section_ids(files: Sequence[Part]) -> list[str]:
    """One id per file; a path given twice gets `__2`, `__3` (never made by
    `section_id`, which writes `_` only before two hex digits)."""
    seen: dict[str, int] = {}
    out = []
    for f in files:
        base = section_id(f.get("path", ""))
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}__{seen[base]}")
    return out


def status(f: Part) -> Status:
    if f.get("error"):
        return "unreadable"
    severities = {x["severity"] for x in f.get("findings", [])}
    gravest: tuple[tuple[Status, str], ...] = (("errors", "error"), ("warnings", "warning"), ("info", "info"))
    for word, severity in gravest:
        if severity in severities:
            return word
    return "clean"


# --- summary ------------------------------------------------------------------


def _summary(doc: Part, files: Sequence[Part]) -> str:
    summary = doc.get("summary", {})
    names = [("files", "files"), ("findings", "findings"), ("errors", "errors"), ("warnings", "warnings"),
             ("infos", "info"), ("unreadable", "unreadable"), ("suppressed", "suppressed by the baseline")]
    counts = "".join(f"<div><dt>{label}</dt><dd data-count=\"{key}\">{escape(str(summary[key]))}</dd></div>"
                     for key, label in names if key in summary)
    by_status = {s: 0 for s in STATUSES}
    for f in files:
        by_status[status(f)] += 1
    statuses = "".join(f"<tr data-status=\"{s}\"><th scope=\"row\"><a href=\"#{'clean' if s == 'clean' else 'files'}\" "
                       f"data-filter-status=\"{s}\">{_status_text(s)}</a></th><td>{n}</td></tr>"
                       for s, n in by_status.items() if n)
    rules = "".join(f"<tr><th scope=\"row\">{escape(rule)}</th><td>{escape(check)}</td>"
                    f"<td class=\"{severity}\"><span class=\"sym\">{SYMBOL[severity]}</span>{severity}</td><td>{n}</td></tr>"
                    for rule, check, severity, n in _rule_counts(files))
    rules_table = (f"<table class=\"counts\"><caption>Findings by rule</caption><thead><tr><th scope=\"col\">Rule</th>"
                   f"<th scope=\"col\">Check</th><th scope=\"col\">Severity</th><th scope=\"col\">Findings</th></tr>"
                   f"</thead><tbody>{rules}</tbody></table>") if rules else ""
    status_table = (f"<table class=\"counts\"><caption>Files by status</caption><thead><tr>"
                    f"<th scope=\"col\">Status</th><th scope=\"col\">Files</th></tr></thead><tbody>{statuses}</tbody>"
                    f"</table>") if len(files) > 1 else ""
    return (f"<section id=\"summary\"><h2>Summary</h2><dl class=\"counts\">{counts}</dl>"
            f"<div class=\"tables\">{status_table}{rules_table}</div>{_legend()}</section>")


def _status_text(s: str) -> str:
    return f"<span class=\"sym\">{STATUS_MARK[s]}</span>{s}"


def _rule_counts(files: Sequence[Part]) -> list[tuple[str, str, str, int]]:
    counts: dict[tuple[str, str, str], int] = {}
    for f in files:
        for x in f.get("findings", []):
            key = (x["rule"], x["check"], x["severity"])
            counts[key] = counts.get(key, 0) + 1
    return sorted(((*k, n) for k, n in counts.items()), key=lambda t: (-t[3], t[0], t[2]))


def _legend() -> str:
    return ("<p class=\"legend\">In the tables: <span class=\"error\"><span class=\"sym\">\u2716</span>"
            "error</span>, <span class=\"warning\"><span class=\"sym\">\u25b2</span>warning</span>, "
            "<span class=\"info\"><span class=\"sym\">\u2139</span>info</span>: a failed check is about "
            "this cell; <span><span class=\"sym\">\u25e6</span>read</span>: a failing check read it; "
            "<span class=\"fix\">\u2192 value</span>: what every check that reads it says it should be; "
            "<span class=\"maybe\">? one of N</span>: one of several figures that would explain it equally; "
            "a dotted <span class=\"read-as\">(1)</span>: how a \"(1)\" right after a figure was read, and why, "
            f"in its title (<span class=\"unsure\">{UNSURE}</span>: left unsure).</p>")


# --- the file list ------------------------------------------------------------


def _file_list(files: Sequence[Part], ids: Sequence[str]) -> str:
    """Files with findings or that could not be read, one row each; clean
    files are listed at the end."""
    rows = [_file_row(f, sid) for f, sid in zip(files, ids) if status(f) != "clean"]
    if not rows or (len(files) == 1 and files[0].get("findings")):  # one file with findings: its section says it all
        return ""
    heads = [("Path", "text"), ("Company", "text"), ("Period", "text"), ("Status", "text"), ("Errors", "number"),
             ("Warnings", "number"), ("Info", "number"), ("Largest difference", "number"), ("Could not be read", "text")]
    head = "".join(f"<th scope=\"col\" data-sort=\"{kind}\">{name}</th>" for name, kind in heads)
    options = "".join(f"<option value=\"{s}\">{s}</option>" for s in STATUSES)
    return (f"<section id=\"files\"><h2>Files</h2>"
            f"<div class=\"controls\" hidden><label>Filter <input id=\"filter\" type=\"search\" "
            f"placeholder=\"path, company, period, rule\"></label> <label>Status <select id=\"status-filter\">"
            f"<option value=\"\">any</option>{options}</select></label> <span id=\"shown\" aria-live=\"polite\"></span></div>"
            f"<table id=\"file-list\"><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>")


def _file_row(f: Part, sid: str) -> str:
    findings = f.get("findings", [])
    counts = [sum(x["severity"] == s for x in findings) for s in ("error", "warning", "info")]
    differences = [amount(x["difference"]) for x in findings if x.get("difference") is not None]
    largest = max(differences, key=abs, default=None)
    path = escape(f.get("path", ""))
    link = f"<a href=\"#{sid}\">{path}</a>" if findings else path
    error = f.get("error") or {}
    reason = escape(_error_text(error)) if error else ""
    rules = " ".join(sorted({x["rule"] for x in findings}))
    st = status(f)
    return (f"<tr data-status=\"{st}\" data-rules=\"{escape(rules)}\"><td>{link}</td><td>{escape(company(f))}</td>"
            f"<td>{escape(period(f))}</td><td data-value=\"{STATUSES.index(st)}\">{_status_text(st)}</td>"
            + "".join(f"<td data-value=\"{n}\">{n}</td>" for n in counts)
            + (f"<td data-value=\"{plain(abs(largest))}\">{signed_text(largest)}</td>" if largest is not None
               else "<td data-value=\"-1\"></td>")
            + f"<td>{reason}</td></tr>")


def _error_text(error: Part) -> str:
    where = ", ".join(f"{k} {error[k]}" for k in ("line", "column") if error.get(k))
    return f"{where}: {error.get('message', '')}" if where else error.get("message", "")


def company(f: Part) -> str:
    return f.get("company") or ""


def period(f: Part) -> str:
    """The period of report where the filing's header or cover says it,
    else the fiscal years its schedules print, else their last caption."""
    if f.get("period_of_report"):
        return f["period_of_report"]
    years = sorted({p["fiscal_year"] for s in f.get("schedules", []) for p in s.get("periods", [])
                    if p.get("fiscal_year")})
    if years:
        return str(years[0]) if len(years) == 1 else f"{years[0]}\u2013{years[-1]}"
    labels = [p.get("label") for s in f.get("schedules", []) for p in s.get("periods", []) if p.get("label")]
    return labels[-1] if labels else ""


def _clean_list(files: Sequence[Part]) -> str:
    clean = [f.get("path", "") for f in files if status(f) == "clean"]
    if not clean:
        return ""
    items = "".join(f"<li>{escape(p)}</li>" for p in clean)
    return (f"<section id=\"clean\"><h2><span class=\"sym\">\u2713</span>Clean files ({len(clean)})</h2>"
            f"<ul class=\"clean-list\">{items}</ul></section>")


# --- a file's section -----------------------------------------------------------


def _section(f: Part, sid: str, listed: bool, shown_in: Shown) -> str:
    """A file with findings: each schedule a finding is about drawn as filed,
    then the findings that no drawn cell holds (from a saved result without
    the table, or about a cell outside it)."""
    findings = f.get("findings", [])
    marks = Marks(findings)
    numbers = {id(x): n for n, x in enumerate(findings, 1)}
    drawn = [s for s in f.get("schedules", []) if has_table(s)]
    in_tables: set[Place] = set().union(*(cells_of(s) for s in drawn))
    tables = "".join(draw(s, marks, sid, numbers) for s in drawn)
    elsewhere = [x for x in findings if (x["location"]["line"], x["location"]["column"]) not in in_tables]
    counts = ", ".join(f"{n} {word}" for word, n in
                       (("errors", sum(x["severity"] == "error" for x in findings)),
                        ("warnings", sum(x["severity"] == "warning" for x in findings)),
                        ("info", sum(x["severity"] == "info" for x in findings))) if n)
    about = "".join(escape(t) + DOT for t in (company(f), period(f)) if t)
    back = f"{DOT}<a href=\"#files\">back to the list</a>" if listed else ""
    targets = in_tables | {(x["location"]["line"], x["location"]["column"]) for x in elsewhere}
    return (f"<section class=\"file\" id=\"{sid}\" data-status=\"{status(f)}\"><h2 class=\"path\">"
            f"{escape(f.get('path', ''))}</h2><p class=\"about\">{about}{counts}"
            f"{back}</p>{tables}{_others(elsewhere, sid)}{_diagnoses(findings, sid, targets, shown_in)}</section>")


def _others(findings: Sequence[Part], sid: str) -> str:
    """Findings at cells the page does not draw: each its own failing
    element, once per location."""
    if not findings:
        return ""
    items: list[str] = []
    seen: set[str] = set()
    for x in findings:
        loc = location(x["location"])
        figure = ""
        if loc not in seen:
            seen.add(loc)
            s = x.get("suggestion")
            fix = f" <span class=\"fix\">\u2192 {escape(amount_text(s['value']))}</span>" if s else ""
            printed = s.get("printed") if s and s["location"] == x["location"] else None
            shown = printed or (amount_text(x["actual"]) if x.get("actual") is not None else "")
            figure = (f"<span class=\"failing {x['severity']}\" id=\"{cell_id(sid, x['location'])}\" "
                      f"data-location=\"{loc}\"><span class=\"figure\">{escape(shown)}</span>{fix}</span> ")
        items.append(f"<li class=\"{x['severity']}\">{figure}<span class=\"sym\">{SYMBOL[x['severity']]}</span>"
                     f"<span class=\"tag\">{x['severity']}</span> {loc} <span class=\"rule\">{escape(x['rule'])}</span> "
                     f"{escape(x['message'])}</li>")
    return f"<ul class=\"others\">{''.join(items)}</ul>"


def _diagnoses(findings: Sequence[Part], sid: str, targets: set[Place], shown_in: Shown) -> str:
    """The diagnosis in words, once per figure it names (as the text report's
    diagnosis lines), each linking to its cell where the page has it."""
    out: list[str] = []
    seen: set[object] = set()
    for x in findings:
        s = x.get("suggestion")
        if s is not None and location(s["location"]) not in seen:
            seen.update(location(t["location"]) for t in (s, *s.get("together_with", [])))
            where = location(s["location"])
            if (s["location"]["line"], s["location"]["column"]) in targets:
                where = f"<a href=\"#{cell_id(sid, s['location'])}\">{where}</a>"
            out.append(f"<li>{where} "
                       f"{escape(s.get('message') or '')} <span class=\"confidence\">(confidence "
                       f"{escape(s.get('confidence') or '')})</span></li>")
        elif x.get("candidates") and ("?", location(x["location"])) not in seen:
            seen.add(("?", location(x["location"])))
            told = for_people([_alternative(c) for c in x["candidates"]], shown_in)
            out.append(f"<li>{location(x['location'])} {escape(told)}</li>")
    return f"<h3>Diagnosis</h3><ul class=\"diagnosis\">{''.join(out)}</ul>" if out else ""


def _alternative(c: Part) -> Alternative:
    """A candidate read back from the document, as the diagnosis tells it to people
    (for_people: the same words, and cap, as the text report)."""
    sentence = c.get("message") or ""
    partners = c.get("together_with", [])
    said = [o.get("message") or "" for o in partners]  # a pair's second figure: its words are its correction's
    first = first_of_pair(sentence, said) if partners else None
    corrections = tuple(((one["location"]["line"], one["location"]["column"], amount(one["value"])), words)
                        for one, words in zip((c, *partners), (first, *said)))
    return Alternative(location(c["location"]), sentence, corrections)
