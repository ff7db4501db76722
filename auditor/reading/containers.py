"""The markup containers a file opens and never closes: a table (`<table>` or `<pre>` of
HTML, `<TABLE>` of EDGAR text), which holds a schedule's rows, or a document (`<html>`,
EDGAR's `<DOCUMENT>` and `<TEXT>`), which holds its tables: what a file cut off inside
them shows of the cut (`completeness` says when it refuses the file for it)."""

from __future__ import annotations

import re
from typing import Literal, Optional, cast

from auditor import scan
from auditor.errors import InputError
from auditor.source import Source


Container = Literal["table", "pre", "html", "document", "text"]
# Tables hold a schedule's rows; documents hold its tables.
TABLES: tuple[Container, ...] = ("table", "pre")
DOCUMENTS: tuple[Container, ...] = ("html", "document", "text")
# Every opening and closing tag of a container, in one pass over the file
# (a pattern that opens on "<" is searched for at C speed).  EDGAR's
# <DOCUMENT> and <TEXT> count only on a line of their own (SVG in an HTML
# document has <text> elements of its own); their closing tags anywhere.
TAG = re.compile(r"<(/?)(table|pre|html|document>|text>)", re.IGNORECASE)
EDGAR = ("document>", "text>")
NAMES = ("table", "pre", "html", "document>", "text>")  # (TAG's)


def unclosed(text: str, src: Optional[Source] = None) -> dict[Container, int]:
    """Each container whose last opening tag has no closing tag after it: the
    offset of that opening tag's "<".  `src`: the source whose joined text
    `text` is, which keeps the words found in it (the HTML locator's pass
    found the containers' names with its own) and the answer (`Source.kept`:
    the facts' cut-off check and the tables' each ask; read it, never change it)."""
    if src is None:
        return _unclosed(text, scan.word_starts(text, NAMES))
    return src.kept("unclosed", lambda: _unclosed(text, src.word_starts(NAMES)))


def _unclosed(text: str, found: Optional[dict[str, list[int]]]) -> dict[Container, int]:
    """(`unclosed`, of the containers' names' starts `found`: scan.word_starts.)"""
    opened: dict[Container, int] = {}
    for match in _container_tags(text, found):
        name = match.group(2).lower()
        if name in EDGAR:
            if not match.group(1) and text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip():
                continue  # an opening tag counts on a line of its own, a closing one anywhere
            name = name[:-1]
        elif text[match.end() : match.end() + 1].isalnum():
            continue  # <tablex>, <prefix>: another tag
        kind = cast(Container, name)  # the pattern names containers only
        if match.group(1):
            opened.pop(kind, None)
        else:
            opened[kind] = match.start()
    return opened


_TAG_OPENS = ("<", "/")  # (what the character before a tag's name is)


def _container_tags(text: str, found: Optional[dict[str, list[int]]]) -> list[re.Match[str]]:
    """TAG's matches, in order: tried only where a container's name follows
    "<" or "</" (`found`, from scan.word_starts: one pass for every name; a
    search of the whole text for TAG cost half as much again), or, where no
    scan could be made, by a search of the whole text."""
    if found is None:
        return list(TAG.finditer(text))
    tags = []
    # (A name is a tag's only after "<" or "</": the rest, "context>" of an
    # inline XBRL document's thousand contexts, are dropped before they are sorted.)
    for at in sorted(at for starts in found.values() for at in starts if text[at - 1 : at] in _TAG_OPENS):
        tag = scan.tag_start(text, at)
        m = TAG.match(text, tag) if tag >= 0 else None
        if m:
            tags.append(m)
    return tags


def cut_off(src: Source, kind: Container, at: int, where: str) -> InputError:
    """The input error of a file that ends `where` (said as "inside a table"), in the container
    `kind` it opened at `at` (the offset of its "<", as `unclosed` gives it)."""
    text = src.joined()
    tag = text[at + 1 : at + 1 + len(kind)]  # as the file spells it
    line = text.count("\n", 0, at) + 1
    return InputError(f"the file ends {where}, in the <{tag}> opened at line {line}, without its </{tag}>: "
                      f"is it cut off? (rows of the schedule may be missing)", src.path, len(src.lines))
