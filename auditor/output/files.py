"""Where reports go: a file named on the command line, or standard output.

A report never destroys anything.  A file is written only where a regular
file or nothing is (a device, a FIFO, a directory is refused before any work
starts), never over one of the run's inputs, and all at once: a temporary
file in the same directory, renamed over the target, so a crash or a full
disk leaves the old file whole.  A symbolic link is written through: its
target gets the report and the link stays a link, as with a shell's `>`.
Standard output that is closed or full is one line on stderr, not a traceback.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from typing import Optional

from auditor.errors import InputError

Inputs = Iterable[Optional[str]]  # the run's input files (None: an option not given)


def check_target(path: str, inputs: Inputs = ()) -> str:
    """The real path a report for `path` will be written to; InputError (a
    usage error) where writing there would destroy something or cannot work."""
    if path.endswith(("/", os.sep)):  # (the shell's `>` refuses it too)
        raise InputError("cannot write there: a path ending in / names a directory; "
                         "a report replaces only a regular file", path)
    real = os.path.realpath(path)
    try:
        status = os.stat(real)
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise InputError(f"cannot write there: {exc.strerror}", path) from None
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise InputError(f"cannot write there: {_kind(status.st_mode)}; a report replaces only a regular file", path)
    directory = os.path.dirname(real)
    if not os.path.isdir(directory):
        raise InputError("cannot write there: its directory does not exist", path)
    # A new path is none of the inputs (they exist); an existing one is an
    # input when it is the same file (a link to it, or it through a link).
    for given in inputs if status is not None else ():
        if given and given != "-" and status is not None and _same(status, given):
            raise InputError(f"cannot write there: it is one of the inputs ({given}); "
                             "the report would replace it", path)
    return real


def _same(mine: os.stat_result, other: str) -> bool:
    try:
        theirs = os.stat(other)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "it is a directory"), (stat.S_ISFIFO, "it is a FIFO (named pipe)"),
                       (stat.S_ISCHR, "it is a device"), (stat.S_ISBLK, "it is a device"),
                       (stat.S_ISSOCK, "it is a socket")):
        if test(mode):
            return name
    return "it is not a regular file"


def write_file(path: str, text: str, inputs: Inputs = ()) -> None:
    """Replace the file at `path` (through a symbolic link) with `text` all at
    once.  InputError if the target is not a regular file or a new path, or
    if the write fails (the old file, if any, is left as it was)."""
    import tempfile

    real = check_target(path, inputs)
    directory = os.path.dirname(real)
    try:
        fd, temporary = tempfile.mkstemp(prefix=".auditor-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(f"cannot write there: {exc.strerror}", path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode_for(real))
        real = check_target(path, inputs)  # (it may have changed kind while the report was written)
        os.replace(temporary, real)
    except InputError:
        _unlink(temporary)
        raise
    except OSError as exc:
        _unlink(temporary)
        raise InputError(f"cannot write there: {exc.strerror}", path) from None
    except BaseException:
        _unlink(temporary)
        raise


def mode_for(real: str) -> int:
    """The replaced file's permissions; for a new file, what the umask allows
    (mkstemp makes the file private; a report is not)."""
    try:
        return stat.S_IMODE(os.stat(real).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def silence_stdout() -> None:
    """After standard output failed: point it at /dev/null, so the
    interpreter's last flush at exit has nothing to complain about."""
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
