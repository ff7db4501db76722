"""The documents of an EDGAR submission that are HTML: the HTML front end's
to read, the rest of the file the text front end's."""

from __future__ import annotations

import re

from auditor.lazy_pattern import lazy_compile
from auditor.source import Source

# HTML table markup: never in EDGAR's SGML text, whose tables are <TABLE>
# with <S>/<C> markers.
HTML_TABLE = lazy_compile(r"<(?:td|tr|th)[\s>]", re.IGNORECASE)


def html_documents(source: Source) -> list[tuple[int, int]]:
    """The lines (first, last) inside <TEXT> ... </TEXT> of each document of an
    EDGAR submission that holds HTML table markup, in file order: those are for
    the HTML front end, the rest of the file for this one.  Empty for a file
    without <DOCUMENT>s (one exhibit) or without HTML tables."""
    text = source.joined()
    if not (text.startswith("<DOCUMENT>") or "\n<DOCUMENT>" in text) or not HTML_TABLE.search(text):
        return []
    opens, at = [], text.find("\n<TEXT>")
    while at != -1:
        opens.append(at + 1)
        at = text.find("\n<TEXT>", at + 1)
    spans, line, counted_to = [], 1, 0
    for i, start in enumerate(opens):
        stop = opens[i + 1] - 1 if i + 1 < len(opens) else len(text)  # a <TEXT> never closed ends at the next
        close = text.find("\n</TEXT>", start, stop)
        end = stop if close == -1 else close  # the newline ending the document's last line
        if HTML_TABLE.search(text, start, end):
            line += text.count("\n", counted_to, start)  # the <TEXT> line
            counted_to = start
            spans.append((line + 1, line + text.count("\n", start, end)))
    return spans
