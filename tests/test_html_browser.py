"""The HTML report in a real browser (headless Debian Chromium through
Playwright): the seed's failing cell on screen and marked, the summary's
counts equal to the JSON's, the file list filtered and sorted, a screenshot
that is not blank, markup from a filing that runs nothing, the printed page,
and every part there with scripts off.  One Playwright driver for the
module; skipped, saying why, only where no browser is installed."""

import json

import pytest

import browser
from auditor.output import html as html_report
from conftest import FIXTURES, SEED, run
from test_html_report import hostile_document

why = browser.unavailable()
pytestmark = pytest.mark.skipif(why is not None, reason=why or "")

CORPUS = [SEED, *sorted(FIXTURES.glob("*.txt"))[:10], *sorted((FIXTURES / "html").glob("*.htm"))[:4]]


@pytest.fixture(scope="module")
def session():
    with browser.session() as s:
        yield s


@pytest.fixture(scope="module")
def page(session):
    with session.page() as p:
        errors = []
        p.on("pageerror", lambda exc: errors.append(str(exc)))
        p.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        p.errors = errors
        yield p


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The corpus's report, and its JSON summary, made once for the module."""
    folder = tmp_path_factory.mktemp("corpus")
    notes = folder / "minutes.txt"  # a file with no schedule: listed as unreadable
    notes.write_text("Minutes of the annual meeting.\n")
    out = folder / "report.html"
    proc = run("check", "--format", "html", "--output", out, *CORPUS, notes)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    return out, json.loads(run("check", "--format", "json", *CORPUS, notes).stdout)["summary"]


def open_corpus(page, corpus):
    page.errors.clear()
    page.goto(corpus[0].as_uri())


def open_report(page, tmp_path, *args, name="report.html"):
    out = tmp_path / name
    proc = run("check", "--format", "html", "--output", out, *args)
    assert proc.returncode in (0, 1), proc.stderr
    page.errors.clear()
    page.goto(out.as_uri())
    return out


def test_the_seed_failing_cell_is_on_screen_and_marked(page, tmp_path):
    open_report(page, tmp_path, SEED)
    cell = page.locator("td.failing")
    assert cell.count() == 1 and cell.get_attribute("data-location") == "42:98"
    cell.scroll_into_view_if_needed()
    box, view = cell.bounding_box(), page.viewport_size
    assert box and box["width"] > 20 and box["height"] > 10
    assert 0 <= box["x"] and box["x"] + box["width"] <= view["width"]
    assert 0 <= box["y"] and box["y"] + box["height"] <= view["height"]
    text = cell.inner_text()
    assert "9,762" in text and "9,824" in text and "\u2716" in text and "ERROR" in text.upper()
    marked = cell.evaluate("c => getComputedStyle(c).outlineStyle + ' ' + getComputedStyle(c).outlineWidth")
    plain = page.locator("table.filed td:not(.failing):not(.related)").first
    assert marked != plain.evaluate("c => getComputedStyle(c).outlineStyle + ' ' + getComputedStyle(c).outlineWidth")
    assert not page.errors


def test_the_summary_counts_are_the_json_counts(page, corpus):
    open_corpus(page, corpus)
    expected = corpus[1]
    shown = page.eval_on_selector_all("dl.counts dd", "ds => ds.map(d => [d.dataset.count, d.innerText])")
    assert {k: int(v) for k, v in shown} == expected
    assert page.locator("#file-list").is_visible() and not page.errors


def test_filtering_and_sorting_the_file_list(page, corpus):
    open_corpus(page, corpus)
    rows = page.locator("#file-list tbody tr")
    total = rows.count()
    assert total >= 3
    page.fill("#filter", "lantronix")
    visible = page.locator("#file-list tbody tr:visible")
    assert visible.count() == 1 and "lantronix-2003.txt" in visible.inner_text()
    assert page.locator(".clean-list li:visible").count() == 0
    page.fill("#filter", "")
    page.select_option("#status-filter", "clean")
    assert page.locator("#file-list tbody tr:visible").count() == 0
    assert page.locator(".clean-list li:visible").count() == page.locator(".clean-list li").count() > 0
    page.select_option("#status-filter", "")
    assert page.locator("#file-list tbody tr:visible").count() == total
    page.click("a[data-filter-status=errors]")  # a status in the summary filters the list to it
    shown = page.locator("#file-list tbody tr:visible")
    assert 0 < shown.count() < total and page.input_value("#status-filter") == "errors"  # not the unreadable one
    assert set(shown.evaluate_all("rows => rows.map(r => r.dataset.status)")) == {"errors"}
    page.select_option("#status-filter", "")
    page.click("#file-list th:nth-child(5) button")  # errors, ascending
    page.click("#file-list th:nth-child(5) button")  # descending
    errors = [int(t) for t in page.eval_on_selector_all("#file-list tbody tr td:nth-child(5)", "ts => ts.map(t => t.innerText)")]
    assert errors == sorted(errors, reverse=True)
    link = page.locator("#file-list a", has_text="lantronix").first
    link.click()
    assert page.evaluate("location.hash") == "#" + html_report.section_id(str(SEED))
    assert not page.errors


def test_a_screenshot_is_taken_and_not_blank(page, tmp_path):
    report = open_report(page, tmp_path, SEED)
    png = browser.screenshot(page, report, tmp_path / "seed.png", html_report.section_id(str(SEED)))
    assert (tmp_path / "seed.png").read_bytes() == png
    assert len(png) > 10_000 and browser.png_colours(png, limit=40) >= 40
    box = page.locator("td.failing").bounding_box()  # the README's picture shows the failing cell
    assert box and box["y"] + box["height"] <= page.viewport_size["height"]


def test_markup_from_a_filing_runs_nothing(page, tmp_path):
    out = tmp_path / "hostile.html"
    out.write_text(html_report.render(hostile_document()), encoding="utf-8")
    page.errors.clear()
    page.goto(out.as_uri())
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("img").count() == 0 and not page.errors
    assert "<script>window.pwned=1</script>" in page.locator("body").inner_text()


def test_printed_the_controls_go_and_the_reading_opens(page, corpus):
    open_corpus(page, corpus)
    page.emulate_media(media="print")
    try:
        assert not page.locator(".controls").is_visible()
        assert page.locator("td.failing").first.is_visible()
        assert len(page.pdf()) > 10_000  # printing fires beforeprint: every "how the table was read" opens
        assert page.evaluate("[...document.querySelectorAll('details')].every(d => d.open)")
    finally:
        page.emulate_media(media="screen")


def test_with_scripts_off_every_part_is_there(session, corpus):
    with session.page(javascript=False) as p:
        p.goto(corpus[0].as_uri())
        rows = p.locator("#file-list tbody tr")
        assert rows.count() > 3 and p.locator("#file-list tbody tr:visible").count() == rows.count()
        assert not p.locator(".controls").is_visible()  # controls that could not work are not shown
        assert p.locator("td.failing").count() > 5 and p.locator("td.failing").first.is_visible()
        assert p.locator(".clean-list li:visible").count() == p.locator(".clean-list li").count() > 0
        p.click("details.reading summary >> nth=0")  # the reading opens without a script
        assert p.locator("details.reading >> nth=0").evaluate("d => d.open")


def test_a_finding_at_a_1_is_marked_on_its_footnote_and_its_note_leads_there(page, tmp_path):
    """VQ005 at a "(1)" drawn as the 2008 charge's footnote: a bordered mark inside the charge's cell,
    its symbol and word shown; the note beside the row links to it (before s50: listed under the table)."""
    exhibit = FIXTURES / "html" / "thornbury-castings-2009-rows-apart-one-reserve-small-figure-charge-typo.htm"
    open_report(page, tmp_path, exhibit)
    marker = page.locator("td span.marker.failing")
    assert marker.count() == 1 and marker.get_attribute("data-location") == "33:55"
    assert page.locator("ul.others").count() == 0
    assert marker.evaluate("m => getComputedStyle(m).borderTopStyle") == "solid"
    text = marker.inner_text()
    assert "(1)" in text and "\u25b2" in text and "WARNING" in text.upper()
    link = page.locator("p.note a.at", has_text="33:55")
    assert link.count() == 1
    link.click()
    assert page.evaluate("location.hash") == f"#{marker.get_attribute('id')}"
    box, view = marker.bounding_box(), page.viewport_size
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= view["height"]
    assert not page.errors
