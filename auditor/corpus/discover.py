"""Which files a run checks: the paths given, directories searched, lists read.

A directory is searched recursively, in name order, for the kinds of file
filings come in (`INCLUDE`, or the --include globs instead), less those an
--exclude glob matches; directories whose names begin with a dot (.git, a
cache) are not entered.  A glob matches a file's name, or, where it holds a
`/`, its path below the directory given, in either case case-insensitively.  Files named on the command line or
in --files-from are checked whatever their names.  A path that does not
exist is a usage error before any work starts; a directory that cannot be
listed is reported like a file that cannot be read.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Optional, TextIO

Unlistable = Callable[[str, str], None]  # told (directory, message) of a directory that cannot be read

INCLUDE = ("*.txt", "*.htm", "*.html", "*.xml", "*.txt.gz", "*.htm.gz", "*.html.gz", "*.xml.gz")


class UsageError(Exception):
    """A path or list the run cannot start with: one line, exit 2."""


def files_from(source: str, stdin: Optional[TextIO] = None) -> list[str]:
    """The paths of a list file, one a line (`-`: standard input); blank lines skipped."""
    try:
        if source == "-":
            text = (stdin or sys.stdin).read()
        else:
            with open(source, encoding="utf-8", errors="surrogateescape") as handle:
                text = handle.read()
    except OSError as exc:
        raise UsageError(f"{source}: cannot read the list of files: {exc.strerror}") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def check_exist(paths: Iterable[str]) -> None:
    for path in paths:
        if path != "-" and not os.path.lexists(path):
            raise UsageError(f"{path}: cannot read: No such file or directory (nothing was checked)")


def expand(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (),
           unlistable: Optional[Unlistable] = None) -> Iterator[str]:
    """The files to check, in the order given, each directory's files in name
    order.  `unlistable(path, message)` is told of a directory that cannot be read."""
    globs = tuple(include) or INCLUDE
    for path in paths:
        if path != "-" and os.path.isdir(path):
            yield from _walk(path, globs, tuple(exclude), unlistable)
        else:
            yield path


def _walk(top: str, include: tuple[str, ...], exclude: tuple[str, ...], unlistable: Optional[Unlistable],
          below: str = "") -> Iterator[str]:
    """Files and directories together in name order, as a listing shows them;
    links to directories are not followed (no loops)."""
    try:
        with os.scandir(top) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        if unlistable is not None:
            unlistable(top, f"cannot read the directory: {exc.strerror}")
        return
    for entry in entries:
        relative = below + entry.name
        if entry.is_dir(follow_symlinks=False):
            if not entry.name.startswith(".") and not _matches(entry.name, relative, exclude):
                yield from _walk(entry.path, include, exclude, unlistable, relative + "/")
        elif _matches(entry.name, relative, include) and not _matches(entry.name, relative, exclude):
            if _checkable(entry.path):
                yield entry.path


def _matches(name: str, relative: str, globs: Iterable[str]) -> bool:
    """Case-insensitively on every system: EDGAR's files are named in lower
    case, copies of them often not (FILING.TXT)."""
    from fnmatch import fnmatchcase

    return any(fnmatchcase((relative if "/" in g else name).lower(), g.lower()) for g in globs)


def _checkable(path: str) -> bool:
    """Not a pipe, socket or device (reading one could wait for ever); a
    link to nowhere is kept, to be reported as unreadable."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True
    return stat.S_ISREG(mode)
