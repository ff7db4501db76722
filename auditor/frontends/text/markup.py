"""The markup a typed (EDGAR text) filing sets around its tables and pages.

What marks where a typed table, a page or a submission's document begins and
ends, never what a line prints: <TABLE> and </TABLE>, the <S>/<C> column
markers, <CAPTION>, <PAGE> and a page's number, the document's SGML edges.
Defined once here: each locator module asks these, none spells its own.
"""

from __future__ import annotations

import re

from auditor.lazy_pattern import lazy_compile


# (Not an HTML table closed on the line it opens, a page footer's "<TABLE ..><TR><TD>F-11</TD></TR></TABLE>"
# in an HTML document whose schedule is typed in a <PRE>: it holds no rows of a text table.  Nor one
# whose cell opens a <PRE> on its line, "<TABLE WIDTH=100%><TR><TD><PRE>": a frame around the typed
# schedule, closed after the </PRE>, not a typed table's tag.)
TABLE_OPEN = re.compile(r"^\s*<TABLE\b(?!.*</TABLE>)(?!.*<PRE\b)", re.IGNORECASE)
TABLE_CLOSE = re.compile(r"^\s*</TABLE>", re.IGNORECASE)
# The edges of the documents of an EDGAR submission: no table crosses them.
DOCUMENT_EDGE = re.compile(r"^\s*(</?(TEXT|DOCUMENT|SEC-DOCUMENT|PDF)>|<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>)", re.I)


# Lines that may sit between a table and its continuation after a page break.
PAGE_TAG = lazy_compile(r"^\s*<PAGE>", re.IGNORECASE)
MARKER_LINE = re.compile(r"^\s*<S>", re.IGNORECASE)
MARKER = lazy_compile(r"<[SC]>", re.IGNORECASE)
CAPTION_LINE = re.compile(r"^\s*<CAPTION>", re.IGNORECASE)


# (Page numbers as printed: "47", "S-2", "F-12", "- 47 -", "Page 47".  Not labels.PAGE_MARK's
# form: run on every line, its leading dashes before the letters make each miss dearer.)
# (Possessive leading spaces: the alternatives after them start with no space,
# and retrying them at each shorter run of spaces was quadratic.)
BREAK = re.compile(r"^\s*+(<PAGE>.*|\f|(page\s+)?[a-z]?-?\s*\d{1,3}\s*-?\s*|[-\w ]*\(continued\)\s*|)$", re.IGNORECASE)


# The tags a <TABLE> opens with above its first printed line.
OPENING_TAG = lazy_compile(r"^\s*<(?:TABLE|CAPTION|S|C|FN)\b[^>]{0,40}>\s*$", re.IGNORECASE)


# The tags that open a table's body under its headings: "<S>", then "<C>" a column.
BODY_TAGS = lazy_compile(r"^\s*<S>(?:\s*<C>)*\s*$", re.IGNORECASE)
