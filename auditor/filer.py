"""Who filed, and for what period, where the filing says so: the EDGAR
header of a whole submission (`COMPANY CONFORMED NAME:`, `CONFORMED PERIOD
OF REPORT:`) or the cover facts of an inline XBRL document
(`dei:EntityRegistrantName`, `dei:DocumentPeriodEndDate`).  Nothing is
guessed from prose: a bare exhibit names neither, and gets neither.

For the report's file list; a string search, then one short regex, so the
check of a 10 MB submission hardly notices it.
"""

from __future__ import annotations

import re

from auditor.source import Source

_HEADER = {"company": "COMPANY CONFORMED NAME:", "period": "CONFORMED PERIOD OF REPORT:"}
_FACT = {"company": "dei:EntityRegistrantName", "period": "dei:DocumentPeriodEndDate"}
_HEADER_LINES = 200  # the SGML header comes first
# A header line is short ("\t\tCOMPANY CONFORMED NAME:\t\t\tACME CORP"): its marker is looked
# for in a line's first characters only (an inline XBRL 10-K may be one line of a megabyte,
# searched twice over for nothing).
_HEADER_WIDTH = 200
# Patterns as strings, compiled (and cached by re) at the first inline XBRL
# file: a check of a text exhibit never pays for them.
_TAG = r"<[^>]*>"
_FACT_TAG = r"<(/?)ix:nonNumeric\b"
_FACT_LENGTH = 2000  # a cover fact is short; past this the markup is not what it seems


def said(src: Source) -> dict[str, str]:
    """{"company": ..., "period": ...}, each only where the filing says it."""
    out = {}
    for line in src.lines[:_HEADER_LINES]:
        for key, marker in _HEADER.items():
            at = line.find(marker, 0, _HEADER_WIDTH)
            if at >= 0 and key not in out:
                value = " ".join(line[at + len(marker):].split())
                if value:
                    out[key] = _date(value) if key == "period" else value
    if len(out) == 2:
        return out
    text = src.joined()
    for key, name in _FACT.items():
        at = text.find(f'"{name}"')
        if key in out or at < 0:
            continue
        value = _fact_text(text, at)
        if value:
            out[key] = value
    return out


def _fact_text(text: str, at: int) -> str:
    """The text of the ix:nonNumeric whose name attribute is at `at`: up to
    its own end tag, facts nested in it included (a period end date holds
    the fiscal year end date: `December 31</ix:nonNumeric>, 2023`)."""
    import html  # here: its table of entities is not worth loading for every check

    start = text.find(">", at)
    if start < 0:
        return ""
    depth = 1
    for m in re.compile(_FACT_TAG, re.IGNORECASE).finditer(text, start, start + _FACT_LENGTH):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return " ".join(html.unescape(re.sub(_TAG, "", text[start + 1:m.start()])).split())
    return ""


def _date(value: str) -> str:
    """EDGAR's 19971231 as 1997-12-31."""
    return f"{value[:4]}-{value[4:6]}-{value[6:]}" if re.fullmatch(r"\d{8}", value) else value
