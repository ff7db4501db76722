"""Markup a browser does not print (frontends/html/hidden.py): elements styled
display:none, by their own style or a <style> block's class, written over with
spaces in place (every other character keeps its offset, line and column); the
habits over the 24 real tables are measured by test_html_era_markup (hidden-rows,
hidden-cells, hidden-headings, class-hidden)."""

from __future__ import annotations

from auditor import source
from auditor.frontends.html import hidden
from auditor.frontends.html.locate import Document


def _blank(text: str) -> str:
    out = hidden.blanked(text)
    assert out is not None and len(out[0]) == len(text)
    assert [i for i, ch in enumerate(out[0]) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]
    return out[0]


def test_a_hidden_row_and_a_hidden_cell_are_blanked_and_the_rest_kept_in_place():
    text = ('<table><tr><td>A</td><td style="display:none">9</td><td>1</td></tr>\n'
            '<tr style="display: none"><td>B</td>\n<td>2</td></tr><tr><td>C</td><td>3</td></tr></table>')
    out = _blank(text)
    assert "9" not in out and "B" not in out and "2" not in out
    assert out.index("<td>1</td>") == text.index("<td>1</td>") and out.index("C") == text.index("C")


def test_an_unclosed_hidden_paragraph_hides_no_other_cell():
    text = '<table><tr><td><p style="display:none">x</td><td>1,234</td></tr></table>'
    out = _blank(text)
    assert "x" not in out and "1,234" in out and "</td><td>1,234" in out


def test_a_class_a_style_block_hides_is_hidden_and_others_are_not():
    text = ('<html><head><style>\n<!--\n.hid { display : none }\n.shown{display:block}\n-->\n</style></head>'
            '<body><p class="hid">SCHEDULE II</p><p class="shown">kept</p><p class="hid" style="display:block">own</p>')
    out = _blank(text)
    assert "SCHEDULE II" not in out and "kept" in out and "own" in out


def test_nothing_hidden_is_none_and_inline_xbrls_header_is_left_as_it_is():
    assert hidden.blanked("<p>display: block</p>") is None
    assert hidden.blanked('<div style="display:none">\n<ix:header><ix:hidden>1</ix:hidden></ix:header></div>') is None


def test_a_hidden_title_is_no_title_of_the_document():
    text = ('<html><body><p style="display:none">VALUATION AND QUALIFYING ACCOUNTS</p>\n'
            '<table><tr><td>Net sales</td><td>1,234</td></tr></table></body></html>')
    doc = Document(source.from_text(text, "t.htm"))
    assert "VALUATION" not in doc.text and doc.words is not None and not doc.words["valuation"]


def test_thousands_of_hidden_elements_never_closed_are_left_past_the_budget():
    """Each end looked for costs up to the rest of the text: past BUDGET times its length in all,
    the rest are left to the grid's own reading (linear on hostile markup)."""
    text = '<p style="display:none">x' * 5000 + "</p>"
    assert hidden.blanked(text) is None
    cells = '<td style="display:none">x' * 5000
    out = hidden.blanked(cells)
    assert out is not None and len(out[1]) == 5000


def test_a_hidden_start_tag_repeated_thousands_of_times_is_read_once(monkeypatch):
    """Workiva's 10-Ks hide a column's cell in every row, the same tag each time
    (khc-2023: 3,415 `<td colspan="3" style="display:none"/>`): each distinct
    start tag is read by the tag pattern once, and the same text reads the same
    (a ">" in quotes is no tag's end; a tag of another text is read for itself)."""
    reads = []

    class Counting:
        def match(self, text, at):
            reads.append(at)
            return TAG.match(text, at)

    TAG = hidden.TAG
    monkeypatch.setattr(hidden, "TAG", Counting())
    row = '<tr><td>Net sales</td><td colspan="3" style="display:none"/><td>1</td></tr>\n'
    quoted = '<tr><td style="display:none" title="a>b">x</td><td>2</td></tr>\n'
    text = "<table>" + row * 3000 + quoted * 2 + "<tr><td COLSPAN=3 style='display:none'/></tr></table>"
    out = hidden.blanked(text)
    assert out is not None and len(out[1]) == 3003
    assert len(reads) == 4  # (the repeated cell once; the quoted ">" cell each time; the last its own)
    assert "display" not in out[0] and out[0].count("Net sales") == 3000 and "x" not in out[0]
    assert out[0].index("<td>2</td>") == text.index("<td>2</td>")


def test_the_documents_scan_gives_where_display_is_and_blanks_the_same(monkeypatch):
    """The locator's one lowered scan of the document finds "display" with its other
    words (scan.HTML_WORDS): the hidden markup is found from those starts, no pass of
    its own over the text (two `str.find` passes over a 10-K's 1.2 MB), and blanked the
    same as by that pass ("Display", "DISPLAY"; a style block's class)."""
    text = ('<html><head><style>.h{DISPLAY:none}</style></head><body><div style="display:none">'
            '<ix:header>x</ix:header></div><table><tr><td>A</td><td style="Display: none">9</td>'
            '<td class="h">8</td><td style="display:block">1</td></tr></table></body></html>')
    alone = hidden.blanked(text)
    given = []
    blanked = hidden.blanked

    def spying(text, table_words=None, display_words=None):
        given.append(display_words)
        return blanked(text, table_words, display_words)

    monkeypatch.setattr(hidden, "blanked", spying)
    doc = Document(source.from_text(text, "t.htm"))
    assert given == [[text.index("DISPLAY"), text.index("display:none"), text.index("Display"),
                      text.index("display:block")]]
    assert alone is not None and doc.text == alone[0] and doc.hidden_spans == alone[1]
    assert "9" not in doc.text and ">8<" not in doc.text and ">1<" in doc.text
