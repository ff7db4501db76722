"""The HTML report without a browser: its contract (failing cells, section
ids), one page whichever way it is made (check, or a saved json / jsonl
result), escaping, growth with the findings, and bad saved results."""

import copy
import functools
import json
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.diagnose import ALL_LISTED
from auditor.output import html as html_report
from auditor.output.document import counts
from conftest import FIXTURES, SEED, run
from html_dom import parse

TEXT_FIXTURES = sorted(FIXTURES.glob("*.txt"))
HTML_FIXTURES = sorted((FIXTURES / "html").glob("*.htm"))


def html_of(*args):
    proc = run("check", "--format", "html", *args)
    assert proc.returncode in (0, 1, 2), proc.stderr
    return proc.stdout


def json_of(*args):
    proc = run("check", "--format", "json", *args)
    return json.loads(proc.stdout, parse_float=Decimal)


def locations(findings) -> set:
    return {f"{f['location']['line']}:{f['location']['column']}" for f in findings}


@pytest.fixture(scope="module")
def corpus_paths():
    return [SEED, *TEXT_FIXTURES[:12], *HTML_FIXTURES[:6]]


def test_seed_failing_cell_holds_the_printed_figure_and_the_suggestion():
    page = parse(html_of(SEED))
    (cell,) = page.find_all(cls="failing")
    assert cell.tag == "td" and cell.attrs["data-location"] == "42:98"
    assert "9,762" in cell.text and "9,824" in cell.text
    assert "\u2716" in cell.text and "error" in cell.text  # a symbol and a word, not colour alone
    section = page.by_id(html_report.section_id(str(SEED)))
    assert section is not None and cell in list(section.walk())
    related = {c.attrs["id"].rsplit("-", 1)[1] for c in page.find_all(cls="related")}
    read = {f"L{p['line']}C{p['column']}" for f in json_of(SEED)["files"][0]["findings"] for p in f["related"]}
    assert related == read - {"L42C98"} and len(related) == 7  # the row's four figures, the three above
    notes = [n.text for n in page.find_all(cls="note")]
    assert any("VQ001" in n and "balance at end is 9,762" in n for n in notes)


def test_every_finding_location_is_one_failing_element(corpus_paths):
    doc = json_of(*corpus_paths)
    page = parse(html_of(*corpus_paths))
    for n, f in enumerate(doc["files"]):
        section = page.by_id(html_report.section_id(f["path"]))
        if not f["findings"]:
            assert section is None  # clean and unreadable files have no section
            continue
        failing = [e for e in section.walk() if "failing" in e.classes]
        assert sorted(e.attrs["data-location"] for e in failing) == sorted(locations(f["findings"])), f["path"]
        for finding in f["findings"]:
            (cell,) = [e for e in failing if e.attrs["data-location"] == locations([finding]).pop()]
            s = finding["suggestion"]
            if s is not None:
                assert html_report.amount_text(s["value"]) in cell.text, (f["path"], cell.text)


def test_counts_and_file_list_match_the_json(corpus_paths):
    doc = json_of(*corpus_paths)
    page = parse(html_of(*corpus_paths))
    shown = {e.attrs["data-count"]: int(e.text) for e in page.find_all("dd")}
    assert shown == doc["summary"]
    listed = page.by_id("file-list").find_all("tr")[1:]
    with_findings = [f for f in doc["files"] if f["findings"] or f["error"]]
    assert len(listed) == len(with_findings)
    for row, f in zip(listed, with_findings):
        cells = row.find_all("td")
        assert cells[0].text == f["path"]
        assert [int(c.text) for c in cells[4:7]] == [sum(x["severity"] == s for x in f["findings"])
                                                     for s in ("error", "warning", "info")]
        if f["findings"]:
            assert cells[0].find_all("a")[0].attrs["href"] == "#" + html_report.section_id(f["path"])
    clean = [li.text for li in page.find_all("li") if li.parent.attrs.get("class") == "clean-list"]
    assert clean == [f["path"] for f in doc["files"] if not f["findings"] and not f["error"]]


def test_check_and_a_saved_result_give_the_same_page(corpus_paths, tmp_path):
    direct = html_of(*corpus_paths)
    saved_json = tmp_path / "result.json"
    saved_json.write_text(run("check", "--format", "json", *corpus_paths).stdout)
    proc = run("report", saved_json, "--format", "html")
    assert proc.returncode == 0, proc.stderr
    # but where a capped diagnosis says where all are listed: the run's JSON, or the saved result itself
    run_words, saved_words = (f"({ALL_LISTED[shown]}" for shown in ("run", "saved"))
    assert run_words in direct and saved_words not in direct
    assert proc.stdout == direct.replace(run_words, saved_words)


def test_a_saved_jsonl_result_marks_every_finding(corpus_paths, tmp_path):
    stream = tmp_path / "result.jsonl"
    stream.write_text(run("check", "--format", "jsonl", *corpus_paths).stdout)
    out = tmp_path / "report.html"
    proc = run("report", stream, "--output", out)
    assert proc.returncode == 0 and proc.stdout == "", proc.stderr
    page = parse(out.read_text())
    doc = json_of(*corpus_paths)
    for f in doc["files"]:
        section = page.by_id(html_report.section_id(f["path"]))
        assert (section is None) == (not f["findings"])
        if section is not None:
            got = {e.attrs["data-location"] for e in section.walk() if "failing" in e.classes}
            assert got == locations(f["findings"])
    findings = sum(len(f["findings"]) for f in doc["files"])
    assert {e.attrs["data-count"]: int(e.text) for e in page.find_all("dd")}["findings"] == findings


@given(st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=6, unique=True))
def test_section_ids_are_distinct_and_safe(paths):
    ids = [html_report.section_id(p) for p in paths]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"file-[A-Za-z0-9_-]*", i) for i in ids)


def test_section_id_derivation_as_documented():
    assert html_report.section_id("tests/fixtures/a.txt") == "file-tests_2Ffixtures_2Fa_2Etxt"
    assert html_report.section_id("é b") == "file-_C3_A9_20b"


# --- escaping ---------------------------------------------------------------------

HOSTILE = ["<script>window.pwned=1</script>", "<img src=x onerror=\"window.pwned=2\">", "\"'><b>&amp;"]


def hostile_document():
    """The seed's result with every text a filing or a rules file supplies
    replaced by markup."""
    doc = json.loads(json.dumps(json_of(SEED), default=str), parse_float=Decimal)

    def poison(node, n=[0]):
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(v, str) and k not in ("severity", "confidence", "end_date"):
                    n[0] += 1
                    node[k] = HOSTILE[n[0] % len(HOSTILE)] + v
                else:
                    poison(v)
        elif isinstance(node, list):
            for v in node:
                poison(v)

    poison(doc["files"])
    return doc


def test_markup_from_filings_and_rules_shows_as_text():
    page_text = html_report.render(hostile_document())
    page = parse(page_text)
    assert len(page.find_all("script")) == 1  # ours, at the end
    assert not page.find_all("img") and not page.find_all("b")
    assert not any(k.startswith("on") for e in page.walk() for k in e.attrs)
    assert "<script>window.pwned=1</script>" in page.text  # shown, as text


def test_markup_in_a_filing_row_label_end_to_end(tmp_path):
    text = SEED.read_text()
    for label, markup in [("Allowance for doubtful accounts", "<script>pwned=1</script> acct"),
                          ("Reserve for excess and obsolete inventory", "<img src=x onerror=alert(2)> inventory")]:
        text = text.replace(label, markup.ljust(len(label)))
    exhibit = tmp_path / "markup.txt"
    exhibit.write_text(text)
    page = parse(html_of(exhibit))
    labels = [th.text for th in page.find_all("th", scope="row")]
    assert "<script>pwned=1</script> acct" in labels and "<img src=x onerror=alert(2)> inventory" in labels
    assert len(page.find_all("script")) == 1 and not page.find_all("img")


# --- scale ----------------------------------------------------------------------


def test_the_page_grows_with_the_findings_not_the_corpus():
    doc = json_of(SEED)
    flagged = doc["files"][0]
    clean = {"path": "", "error": None, "findings": [],
             "schedules": [{k: v for k, v in s.items() if k != "label_heading"} for s in flagged["schedules"]]}
    for s in clean["schedules"]:
        for p in s["periods"]:
            p.pop("printed_rows", None)

    def corpus(n_flagged, n_clean):
        files = [dict(copy.deepcopy(flagged), path=f"corpus/flagged-{k:05}.txt") for k in range(n_flagged)]
        files += [dict(clean, path=f"corpus/clean-{k:05}.txt") for k in range(n_clean)]
        return {"version": 1, "files": files, "summary": counts(files)}

    small = len(html_report.render(corpus(10, 0)).encode())
    large = len(html_report.render(corpus(10, 10_000)).encode())
    per_clean = (large - small) / 10_000
    assert per_clean < len("corpus/clean-00000.txt") + 15, per_clean  # one <li> each, nothing more
    per_flagged = (len(html_report.render(corpus(20, 0)).encode()) - small) / 10
    assert per_flagged > 20 * per_clean  # a file with findings has its section


# --- bad saved results --------------------------------------------------------------


@pytest.mark.parametrize("content, line", [
    ("", 1),
    ("{\"version\": 1,\n \"files\": [\n", 3),
    ("<html></html>\n", 1),
    ("[1, 2]\n", 1),
])
def test_a_file_that_is_no_saved_result_is_one_line_naming_it(tmp_path, content, line):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    out = tmp_path / "out.html"
    proc = run("report", bad, "--output", out)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"auditor: {bad}:{line}") and proc.stderr.count("\n") == 1, proc.stderr
    assert "Traceback" not in proc.stderr and not out.exists()


def test_a_wrong_field_is_named_with_its_line(tmp_path):
    doc = json_of(SEED)
    doc["files"][0]["findings"][1]["location"] = {"line": "forty-two", "column": 98}
    bad = tmp_path / "bad.json"
    text = json.dumps(doc, indent=2, default=str)
    bad.write_text(text)
    proc = run("report", bad)
    assert proc.returncode == 2 and proc.stdout == ""
    line = text.split("\n").index(next(ln for ln in text.split("\n") if "forty-two" in ln))  # 0-based: the {
    assert proc.stderr.startswith(f"auditor: {bad}:{line}: ") and "findings[1].location.line" in proc.stderr, proc.stderr


def test_a_bad_jsonl_line_is_named(tmp_path):
    lines = run("check", "--format", "jsonl", SEED).stdout.splitlines()
    lines.insert(1, json.dumps({"path": "x.txt", "rule": "VQ001"}))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n")
    proc = run("report", bad)
    assert proc.returncode == 2 and proc.stderr.startswith(f"auditor: {bad}:2: "), proc.stderr


# --- who filed, for what period -------------------------------------------------------


def test_company_and_period_where_the_filing_says_them(tmp_path):
    submission = FIXTURES / "lone-star-container-2000-full-submission.txt"
    f = json_of(submission)["files"][0]
    assert (f["company"], f["period_of_report"]) == ("LONE STAR CONTAINER CORP", "2000-12-31")
    assert "company" not in json_of(SEED)["files"][0]  # a bare exhibit names no filer: nothing is guessed
    page = parse(html_of(submission, SEED))
    rows = {r.find_all("td")[0].text: [c.text for c in r.find_all("td")[1:3]] for r in page.by_id("file-list").find_all("tr")[1:]}
    assert rows.get(str(SEED)) == ["", "2001\u20132003"]  # no company; the fiscal years its schedule prints


def test_company_and_period_of_inline_xbrl_and_edgar_headers(shared):
    from auditor import filer, source

    expected = {"goog-2023-10k": ("Alphabet Inc.", "December 31, 2023"),
                "khc-2023-10k": ("Kraft Heinz Co", "December 30, 2023"),  # a fact nested in the date fact
                "ko-1997-10k": ("COCA COLA CO", "1997-12-31")}
    for name, (company, period) in expected.items():
        about = json.loads((shared / "filings" / name / "about.json").read_text())
        said = filer.said(source.read(str(shared / "filings" / name / about["file"])))
        assert (said.get("company"), said.get("period")) == (company, period), name


def test_an_edgar_header_is_read_from_its_lines_first_characters_alone():
    """A header line is short: its marker is looked for in a line's first
    characters only (an inline XBRL 10-K of one line is not searched twice
    over); a marker deep in a long line of prose is no header's."""
    from auditor import filer, source

    header = "\t\tCOMPANY CONFORMED NAME:\t\t\tACME TOOL CORP\nCONFORMED PERIOD OF REPORT:\t20231231\n"
    assert filer.said(source.from_text(header + "<html>x</html>\n", "a.txt")) == {
        "company": "ACME TOOL CORP", "period": "2023-12-31"}
    long_line = "<p>" + "x" * 300 + " COMPANY CONFORMED NAME: NOT A HEADER</p>\n"
    assert filer.said(source.from_text(long_line, "b.htm")) == {}


def test_the_saved_result_is_never_overwritten(tmp_path):
    result = tmp_path / "result.json"
    result.write_text(run("check", "--format", "json", SEED).stdout)
    before = result.read_bytes()
    proc = run("report", result, "--output", result)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and result.read_bytes() == before


def test_the_reading_shows_column_decisions_with_their_basis_where_the_result_has_them():
    doc = json_of(SEED)
    schedule = doc["files"][0]["schedules"][0]
    assert schedule["reading"]["columns"]  # what the tool writes today is drawn with its basis ...
    (reading,) = parse(html_report.render(doc)).find_all("details", cls="reading")
    assert [th.text for th in reading.find_all("table")[0].find_all("th")] == ["Heading as printed", "Role", "Sign", "Basis"]
    schedule["reading"] = None  # ... and a result without the reading stage's decisions
    page = parse(html_report.render(doc))
    (reading,) = page.find_all("details", cls="reading")
    assert [th.text for th in reading.find_all("th")] == ["Heading as printed", "Role"]
    assert [td.text for td in reading.find_all("tr")[1].find_all("td")] == ["BALANCE AT BEGINNING OF PERIOD", "beginning"]
    assert "inferred: 11 of 12 rows close" in reading.text
    # The reading stage's decisions, in the shape its branch writes (columns counted from 1).
    schedule["reading"] = {
        "columns": [{"column": k, "role": c["role"], "effect": "subtract" if c["role"] == "deductions" else "add",
                     "sign": "subtract" if c["role"] == "deductions" else "add",
                     "basis": [f"heading <{c['heading']}>", "rows close"]}
                    for k, c in enumerate(schedule["columns"], 1)],
        "totals": [{"period": "Year ended June 30, 2003", "row": "Total", "line": 42,
                    "sums": "the items since the previous total", "rows": [38, 39, 40], "basis": "4 of 5 columns sum"}],
        "rows_closing": 11, "rows": 12, "ambiguous": []}
    (reading,) = parse(html_report.render(doc)).find_all("details", cls="reading")
    tables = reading.find_all("table")
    assert [th.text for th in tables[0].find_all("th")] == ["Heading as printed", "Role", "Sign", "Basis"]
    assert [td.text for td in tables[0].find_all("tr")[4].find_all("td")] == [
        "DEDUCTIONS", "deductions", "subtract", "heading <DEDUCTIONS>; rows close"]
    assert [td.text for td in tables[1].find_all("tr")[1].find_all("td")] == [
        "Year ended June 30, 2003", "Total", "the items since the previous total", "4 of 5 columns sum"]
    assert "11 of 12 rows close" in reading.text


def test_one_unreadable_file_says_why(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Minutes of the meeting.\nNo table here.\n")
    proc = run("check", "--format", "html", notes)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    page = parse(proc.stdout)
    (row,) = page.by_id("file-list").find_all("tr")[1:]
    assert row.attrs["data-status"] == "unreadable" and "no Schedule II found" in row.text
    assert {e.attrs["data-count"]: e.text for e in page.find_all("dd")}["unreadable"] == "1"


def test_the_page_is_self_contained(corpus_paths):
    text = html_of(*corpus_paths)
    page = parse(text)
    assert not page.find_all("link") and not page.find_all("img") and not page.find_all("iframe")
    assert all(e.attrs["href"].startswith("#") for e in page.find_all("a"))
    assert not any("src" in e.attrs for e in page.walk())
    (style,) = page.find_all("style")
    assert "url(" not in style.text and "@import" not in style.text
    (script,) = page.find_all("script")
    assert "fetch(" not in script.text and "XMLHttpRequest" not in script.text and script.text.strip()
    (policy,) = [m for m in page.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy.attrs["content"]


def test_footnote_markers_are_drawn_as_filed(tmp_path):
    exhibit = tmp_path / "footnotes.txt"
    text = (FIXTURES / "bluegrass-distillers-1999-footnotes.txt").read_text()
    exhibit.write_text(text.replace("160(1)", "106(1)"))  # a slip
    doc = json_of(exhibit)
    assert doc["files"][0]["findings"]
    printed = [c["footnote"] for s in doc["files"][0]["schedules"] for p in s["periods"]
               for r in p.get("printed_rows", []) for c in r["cells"] if c and c["footnote"]]
    page = parse(html_of(exhibit))
    assert [e.text for e in page.find_all("sup", cls="footnote")] == printed and "*" in printed


def test_a_suggestion_at_another_cell_is_named_at_the_failing_cell_and_marked_at_its_own():
    exhibit = FIXTURES / "granite-state-holdings-2005-two-schedules.txt"
    findings = json_of(exhibit)["files"][0]["findings"]
    elsewhere = [f for f in findings if f["suggestion"] and f["suggestion"]["location"] != f["location"]]
    assert elsewhere  # the class this test is about: the row's ending fails, the deductions figure is wrong
    page = parse(html_of(exhibit))
    section = html_report.section_id(str(exhibit))
    for f in elsewhere:
        s = f["suggestion"]
        (cell,) = [e for e in page.find_all(cls="failing") if e.attrs["data-location"] == locations([f]).pop()]
        (link,) = cell.find_all("a", cls="elsewhere")
        target = f"{section}-L{s['location']['line']}C{s['location']['column']}"
        assert link.attrs["href"] == "#" + target and html_report.amount_text(s["value"]) in link.text
        assert "suggested" in page.by_id(target).classes
        assert html_report.amount_text(s["value"]) in page.by_id(target).text


# --- damaged saved results ------------------------------------------------------------

ODD_VALUES = [None, True, 0, -1, 1e308, "", "<b>x</b>", [], {}, [None], {"line": 0}, "NaN", 10**40]


@functools.lru_cache(maxsize=1)
def seed_result() -> str:
    return run("check", "--format", "json", SEED).stdout


def _scalars(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _scalars(v, path + (k,))
    elif isinstance(node, list):
        for n, v in enumerate(node):
            yield from _scalars(v, path + (n,))
    yield path


@settings(deadline=None)
@given(st.data())
def test_a_damaged_saved_result_renders_or_is_one_line(tmp_path_factory, data):
    """Any field of a saved result replaced by an odd value: the page, or one
    line naming the file (and a line), exit 2; never an exception."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from auditor import cli

    doc = json.loads(seed_result())
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([p for p in _scalars(doc) if p]))
        node = doc
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(ODD_VALUES)))
    saved_file = tmp_path_factory.mktemp("damaged") / "result.json"
    saved_file.write_text(json.dumps(doc, indent=2))
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli.main(["report", str(saved_file)])
    if status == 0:
        assert out.getvalue().startswith("<!DOCTYPE html>") and not err.getvalue()
    else:
        assert status == 2 and out.getvalue() == ""
        assert err.getvalue().startswith(f"auditor: {saved_file}:") and err.getvalue().count("\n") == 1


def test_every_link_in_the_page_leads_somewhere(corpus_paths, tmp_path):
    stream = tmp_path / "result.jsonl"
    stream.write_text(run("check", "--format", "jsonl", *corpus_paths).stdout)
    for text in (html_of(*corpus_paths), html_of(SEED), run("report", stream).stdout):
        page = parse(text)
        ids = [e.attrs["id"] for e in page.walk() if "id" in e.attrs]
        assert len(ids) == len(set(ids))
        targets = {a.attrs["href"][1:] for a in page.find_all("a")}
        assert targets and targets <= set(ids), targets - set(ids)


def test_candidates_are_each_marked_and_a_pair_is_marked_at_both_cells():
    exhibit = FIXTURES / "frontier-bank-2007-four-periods.txt"
    findings = json_of(exhibit)["files"][0]["findings"]
    page = parse(html_of(exhibit))
    section = html_report.section_id(str(exhibit))
    at = {}
    for f in findings:
        for c in f.get("candidates") or []:
            for one in [c, *c.get("together_with", [])]:
                at[f"{section}-L{one['location']['line']}C{one['location']['column']}"] = len(f["candidates"])
        s = f.get("suggestion")
        for one in ([s, *s.get("together_with", [])] if s else []):
            cell = page.by_id(f"{section}-L{one['location']['line']}C{one['location']['column']}")
            assert "suggested" in cell.classes and html_report.amount_text(one["value"]) in cell.text
    assert at, "the class this test is about: several figures explain a finding equally"
    for ident, n in at.items():
        cell = page.by_id(ident)
        assert cell is not None and ("candidate" in cell.classes or "suggested" in cell.classes), ident
        if "candidate" in cell.classes:
            assert f"? one of {n}" in cell.text
    assert any("would explain this, equally" in li.text for li in page.find_all("li"))


def test_jsonl_file_lines_and_a_summary_line_are_read(tmp_path):
    """A stream's file lines tell clean and unreadable files; a closing
    summary line, what the files cannot tell."""
    notes = tmp_path / "minutes.txt"
    notes.write_text("Minutes of the meeting.\n")
    clean = tmp_path / "clean.txt"
    clean.write_text(SEED.read_text().replace("$ 9,762", "$ 9,824"))
    lines = run("check", "--format", "jsonl", SEED, notes, clean).stdout.splitlines()
    lines.append(json.dumps({"summary": {"suppressed": 3}}))
    stream = tmp_path / "result.jsonl"
    stream.write_text("\n".join(lines) + "\n")
    proc = run("report", stream)
    assert proc.returncode == 0, proc.stderr
    page = parse(proc.stdout)
    assert {e.attrs["data-count"]: int(e.text) for e in page.find_all("dd")} == {
        "files": 3, "findings": 2, "errors": 2, "warnings": 0, "infos": 0, "unreadable": 1, "suppressed": 3}
    (failing,) = page.find_all(cls="failing")  # listed, not drawn: a stream has no tables
    assert failing.attrs["data-location"] == "42:98" and "9,824" in failing.text
    assert [li.text for li in page.find_all("li") if li.parent.attrs.get("class") == "clean-list"] == [str(clean)]


# --- how a "(1)" right after a figure was read (schedules[].reading.marks) -------

THORNBURY = FIXTURES / "html" / "thornbury-castings-2009-rows-apart-one-reserve"


def _charge_cell(name):
    """The thornbury one-reserve fixture's 2008 charge (line 33, column 44), the "(1)" after it at
    column 55 decided by the reading: the cell as drawn on the page, and the reading's mark."""
    exhibit = THORNBURY.with_name(f"{THORNBURY.name}-{name}.htm")
    (mark,) = json_of(exhibit)["files"][0]["schedules"][0]["reading"]["marks"]
    page = parse(html_of(exhibit))
    return page.by_id(f"{html_report.section_id(str(exhibit))}-L33C44"), mark, page


def test_a_1_read_as_a_footnote_marker_says_so_on_its_cell():
    """Issue 12 part 5 on the page: the "(1)" beside a figure was read as a footnote marker; the page
    says it on the footnote drawn beside the figure, with the reading's basis (before s49, nothing)."""
    cell, mark, page = _charge_cell("marker-charge-typo")
    assert mark["read_as"] == "marker" and mark["cell"] == {"line": 33, "column": 55}
    assert cell.attrs.get("data-read-as") == "marker" and "read-figure" not in cell.classes
    (sup,) = cell.find_all("sup", cls="footnote")
    assert sup.text == "(1)" and sup.attrs.get("data-read-as") == "marker"
    assert sup.attrs["title"] == f"(1): read as a footnote marker, because {mark['basis'][0]}"
    assert "figure or marker?" not in cell.text
    (details,) = page.find_all("details", cls="reading")
    rows = [[td.text for td in tr.find_all("td")] for tr in details.find_all("tr")]
    assert [mark["period"], mark["row"], "line 33, column 55", "(1)", "marker", mark["basis"][0]] in rows


def test_a_1_left_unsure_is_flagged_in_words_on_its_cell():
    cell, mark, _ = _charge_cell("small-figure-charge-typo")
    assert mark["read_as"] == "unsure" and cell.attrs.get("data-read-as") == "unsure"
    (sup,) = cell.find_all("sup", cls="footnote")
    assert sup.attrs.get("data-read-as") == "unsure" and "; ".join(mark["basis"]) in sup.attrs["title"]
    assert "left unsure" in sup.attrs["title"]
    (flag,) = cell.find_all("span", cls="unsure")
    assert flag.text == "figure or marker?"


def _as_figure(doc, raw='(1)', basis='the row closes only read as a figure'):
    """The marker-charge-typo result as if its "(1)" had been read as a figure: a cell of its own in
    the charged-to-other column (and no footnote on the charge), the reading's mark saying so."""
    doc = copy.deepcopy(doc)
    (schedule,) = doc["files"][0]["schedules"]
    row = next(r for p in schedule["periods"] for r in p.get("printed_rows", []) if r["line"] == 32)
    row["cells"][1]["footnote"] = None
    row["cells"][2] = {"value": 1, "raw": raw, "line": 33, "column": 55, "end_column": 58, "footnote": None}
    (mark,) = schedule["reading"]["marks"]
    mark.update(read_as="figure", raw=raw, basis=[basis])
    return doc


def test_a_1_read_as_a_figure_says_so_on_its_own_cell():
    exhibit = THORNBURY.with_name(f"{THORNBURY.name}-marker-charge-typo.htm")
    doc = _as_figure(json_of(exhibit))
    page = parse(html_report.render(doc))
    cell = page.by_id(f"{html_report.section_id(str(exhibit))}-L33C55")
    assert cell is not None and "read-figure" in cell.classes and cell.attrs.get("data-read-as") == "figure"
    assert cell.attrs["title"] == "(1): read as a figure, because the row closes only read as a figure"
    assert not page.find_all("sup", cls="read-as")


def test_a_decided_mark_s_filing_text_is_escaped():
    exhibit = THORNBURY.with_name(f"{THORNBURY.name}-marker-charge-typo.htm")
    doc = _as_figure(json_of(exhibit), raw='<b>"(1)', basis='<script>alert("x")</script> & more')
    text = html_report.render(doc)
    assert "<script>alert" not in text and "<b>\"(1)" not in text
    cell = parse(text).by_id(f"{html_report.section_id(str(exhibit))}-L33C55")
    assert cell.attrs["title"] == '<b>"(1): read as a figure, because <script>alert("x")</script> & more'
    assert cell.text.startswith('<b>"(1)')


def _page_checked_and_saved(exhibit, tmp_path):
    """The page `check --format html` writes for `exhibit`, and the one `auditor report` draws from
    its saved JSON result."""
    saved = tmp_path / "result.json"
    saved.write_text(run("check", "--format", "json", exhibit).stdout)
    proc = run("report", saved)
    assert proc.returncode == 0, proc.stderr
    return {"check": parse(html_of(exhibit)), "report": parse(proc.stdout)}


def test_a_finding_at_a_1_drawn_as_a_footnote_is_marked_on_it(tmp_path):
    """VQ005 at the "(1)" left unsure (line 33, column 55), drawn as the footnote of the 2008 charge
    (33:44): its mark is on that footnote, in the charge's cell, the finding beside the row linking to
    it, on the page `check` writes and on the one drawn from the saved result (before s50 it was listed
    among the findings at cells not drawn, the table drawn)."""
    exhibit = THORNBURY.with_name(f"{THORNBURY.name}-small-figure-charge-typo.htm")
    section = html_report.section_id(str(exhibit))
    for made_by, page in _page_checked_and_saved(exhibit, tmp_path).items():
        assert not page.find_all("ul", cls="others"), made_by
        (marker,) = [e for e in page.find_all(cls="failing") if e.attrs["data-location"] == "33:55"]
        assert marker.tag == "span" and "warning" in marker.classes and marker.attrs["id"] == f"{section}-L33C55"
        assert marker.parent.attrs["id"] == f"{section}-L33C44", made_by  # inside the charge's cell
        (sup,) = marker.find_all("sup", cls="read-as")
        assert sup.text == "(1)" and sup.attrs["data-read-as"] == "unsure"
        assert "\u25b2" in marker.text and "warning" in marker.text and "\u2192 22" in marker.text
        (note,) = [n for n in page.find_all(cls="note") if "VQ005" in n.text]
        assert note.parent.attrs.get("class") == "notes"
        (link,) = note.find_all("a", cls="at")
        assert link.attrs["href"] == f"#{section}-L33C55" and link.text == "33:55"
        row = note.parent.parent
        assert marker in list(row.walk()), made_by  # beside the row the marker is in
